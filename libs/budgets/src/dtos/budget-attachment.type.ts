import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('BudgetAttachment')
export class AttachmentType {
  @Field() name: string;
  @Field() url: string;
}
