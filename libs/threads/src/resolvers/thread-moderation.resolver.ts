import { Actor, CurrentActor } from '@ashar/auth';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ThreadMessageType } from '../dtos';
import { ThreadService } from '../services/thread.service';
import { UuidArg } from '@ashar/graphql';

/** Moderation of any thread's messages; who may moderate is the subject's context's policy. */
@Resolver(() => ThreadMessageType)
export class ThreadModerationResolver {
  constructor(private readonly threads: ThreadService) {}

  @Mutation(() => ThreadMessageType, { description: 'A moderator of the subject hides a comment or reply; its author still sees it with the reason' })
  hideComment(@CurrentActor() actor: Actor, @Args('messageId', { type: () => ID }, UuidArg) messageId: string, @Args('reason') reason: string) {
    return this.threads.hide(actor, messageId, reason);
  }

  @Mutation(() => ThreadMessageType, { description: 'A moderator of the subject shows a hidden comment or reply again' })
  unhideComment(@CurrentActor() actor: Actor, @Args('messageId', { type: () => ID }, UuidArg) messageId: string) {
    return this.threads.unhide(actor, messageId);
  }
}
