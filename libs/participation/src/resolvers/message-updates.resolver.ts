import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProcessType } from '../dtos/participation.types';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { MessageUpdatesService } from '../services/message-updates.service';

@Resolver(() => ProcessType)
export class MessageUpdatesResolver {
  constructor(private readonly updates: MessageUpdatesService) {}

  @Mutation(() => ProcessType, { description: 'A resident asks (true) or stops asking for this process’s notices by SMS (verified phone) or else email: the vote opening, phase changes, results, project progress' })
  setProcessMessageUpdates(@CurrentActor() actor: Actor, @Args('processId', { type: () => ID }, UuidArg) processId: string, @Args('enabled') enabled: boolean) {
    return this.updates.set(actor, processId, enabled);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer asked for this process’s notices by SMS or email' })
  messageUpdatesForMe(@Parent() p: ParticipatoryProcess, @CurrentActor() actor: Actor) {
    return this.updates.askedByMe(actor, p.id);
  }
}
