import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A reply under a monitoring note (a message of the note's thread, libs/threads). */
@ObjectType('MonitoringReply')
export class ReplyType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Null when a moderator hid the reply, except for its author and the moderators' }) body: string | null;
  @Field() createdAt: Date;
  @Field({ description: 'Hidden by a moderator' }) hidden: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was hidden: for its author and the moderators only' }) hiddenReason: string | null;
  authorAccountId: string;
}
