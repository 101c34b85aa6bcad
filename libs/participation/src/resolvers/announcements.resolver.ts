import { Actor, CurrentActor } from '@ashar/auth';
import { LoaderRegistry, Loaders, UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MessageAudienceType, ProcessAnnouncementType, SendProcessAnnouncementInput } from '../dtos/announcement.types';
import { ProcessType } from '../dtos/participation.types';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { ProcessAnnouncement } from '../entities/process-announcement.entity';
import { AnnouncementsService } from '../services/announcements.service';

@Resolver(() => ProcessType)
export class AnnouncementsResolver {
  constructor(private readonly service: AnnouncementsService) {}

  @Mutation(() => ProcessAnnouncementType, { description: 'An organiser’s message to the process’s participants: in the app to all, by SMS or email to those who asked' })
  sendProcessAnnouncement(@CurrentActor() actor: Actor, @Args('input') input: SendProcessAnnouncementInput) {
    return this.service.send(actor, input.processId, input.text);
  }

  @Query(() => MessageAudienceType, { description: 'Organisers: who an announcement would reach, per language and channel, and the price of an SMS part' })
  processMessageAudience(@CurrentActor() actor: Actor, @Args('processId', { type: () => ID }, UuidArg) processId: string) {
    return this.service.audience(actor, processId);
  }

  @ResolveField(() => [ProcessAnnouncementType], { description: 'What the organisers announced, newest first (public, as the process is)' })
  announcements(@Parent() p: ParticipatoryProcess, @Loaders() loaders: LoaderRegistry) {
    return loaders.get<string, ProcessAnnouncement[]>('participation.announcements', (ids) => this.service.ofProcesses(ids)).load(p.id);
  }
}
