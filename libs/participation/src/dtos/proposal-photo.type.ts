import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ProposalPhoto')
export class ProposalPhotoType {
  @Field(() => ID) id: string;
  @Field({ description: 'GET it (public like the proposal): /api/pb-photos/{id}' }) url: string;
  @Field(() => ID, { nullable: true, description: 'The implementation update it illustrates' }) updateId: string | null;
  @Field(() => Date) createdAt: Date;
}
