import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ProposalComment', { description: 'A resident’s comment on a proposal or on its implementation (libs/threads)' })
export class ProposalCommentType {
  @Field(() => ID) id: string;
  @Field(() => ID) authorAccountId: string;
  @Field(() => String, { nullable: true, description: 'Null when hidden by a moderator (except for its author and the moderators)' }) body: string | null;
  @Field() hidden: boolean;
  @Field(() => String, { nullable: true }) hiddenReason: string | null;
  @Field({ description: 'About the implementation rather than the idea' }) aboutImplementation: boolean;
  @Field(() => Date) createdAt: Date;
  @Field(() => [ProposalCommentType], { description: 'Replies, oldest first' }) replies: ProposalCommentType[];
}
