import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A hearing comment (a message of the version's thread, libs/threads). */
@ObjectType('BudgetComment')
export class CommentType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field(() => String, { nullable: true, description: 'Null when a moderator hid the comment, except for its author and the moderators' }) body: string | null;
  @Field() createdAt: Date;
  @Field({ description: 'Hidden by a moderator: the public sees that a comment was here, not its text' }) hidden: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was hidden: for its author and the moderators only' }) hiddenReason: string | null;
}
