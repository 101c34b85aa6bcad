import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('BudgetComment')
export class CommentType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field() body: string;
  @Field() createdAt: Date;
}
