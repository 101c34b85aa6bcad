import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A message as the moderation mutations answer it (contexts expose their own types for reading). */
@ObjectType('ThreadMessage', { description: 'A comment or reply in a thread, as a moderator sees it' })
export class ThreadMessageType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Null for readers who may not see a hidden message' }) body: string | null;
  @Field() hidden: boolean;
  @Field(() => String, { nullable: true, description: "Why a moderator hid it: for its author and the subject's moderators" }) hiddenReason: string | null;
  @Field(() => Date, { nullable: true }) hiddenAt: Date | null;
  @Field() createdAt: Date;
}
