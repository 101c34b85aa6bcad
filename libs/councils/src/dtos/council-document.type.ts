import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DocumentOwnerKindEnum } from './councils.enums';

@ObjectType('CouncilDocument')
export class CouncilDocumentType {
  @Field(() => ID) id: string;
  @Field(() => DocumentOwnerKindEnum) ownerKind: DocumentOwnerKindEnum;
  @Field(() => ID) ownerId: string;
  @Field() name: string;
  @Field() url: string;
  @Field() mimeType: string;
  @Field() createdAt: Date;
}
