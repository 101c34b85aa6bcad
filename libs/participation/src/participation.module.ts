import { IdentityModule, IdentityReadModule } from '@ashar/identity';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PARTICIPATION_ENTITIES } from './entities';
import { AdvancePhasesJob } from './jobs/advance-phases.job';
import { CountProcessJob } from './jobs/count-process.job';
import { OutcomesRepository } from './repositories/outcomes.repository';
import { PaperBallotsRepository } from './repositories/paper-ballots.repository';
import { PhaseScheduleRepository } from './repositories/phase-schedule.repository';
import { PaperBallotResolver } from './resolvers/paper-ballot.resolver';
import { BallotKeys } from './services/ballot-keys';
import { PaperBallotService } from './services/paper-ballot.service';
import { PhaseScheduleService } from './services/phase-schedule.service';
import { PhaseTransitionService } from './services/phase-transition.service';
import { ScheduledPhasesService } from './services/scheduled-phases.service';
import { ProcessesRepository } from './repositories/processes.repository';
import { ProposalsRepository } from './repositories/proposals.repository';
import { VotingRepository } from './repositories/voting.repository';
import { ProcessResolver } from './resolvers/process.resolver';
import { ProposalResolver } from './resolvers/proposal.resolver';
import { ProcessService } from './services/process.service';
import { ProposalService } from './services/proposal.service';
import { ResultsService } from './services/results.service';
import { VotingService } from './services/voting.service';
import { VerificationsRepository } from './repositories/verifications.repository';
import { VerificationResolver } from './resolvers/verification.resolver';
import { DocumentKeys } from './services/document-keys';
import { VerificationService } from './services/verification.service';
import { BallotSheetController } from './http/ballot-sheet.controller';
import { BallotSheetService } from './services/ballot-sheet.service';

import { BudgetSpendingReadModule } from '@ashar/budgets';
import { NotificationsCoreModule } from '@ashar/notifications';
import { NotifyParticipantsJob } from './jobs/notify-participants.job';
import { ProcessPlacesRepository } from './repositories/process-places.repository';
import { ProjectsRepository } from './repositories/projects.repository';
import { ProposalMergesRepository } from './repositories/proposal-merges.repository';
import { ProcessImplementationResolver, ProjectResolver, ProposalProjectResolver } from './resolvers/implementation.resolver';
import { ProcessPlacesResolver } from './resolvers/proposal-extras.resolver';
import { DistrictLimits } from './services/district-limits';
import { ParticipationNotices } from './services/participation-notices.service';
import { ProcessPlacesService } from './services/process-places.service';
import { ProjectService } from './services/project.service';
import { ProposalMergeService } from './services/proposal-merge.service';
import { ThreadsModule } from '@ashar/threads';
import { ProposalCommentsResolver } from './resolvers/proposal-comments.resolver';
import { ProposalThreadsService } from './services/proposal-threads.service';
import { ParticipationPhotosController } from './http/participation-photos.controller';
import { ProposalPhotosRepository } from './repositories/proposal-photos.repository';
import { ProposalPhotosResolver } from './resolvers/proposal-photos.resolver';
import { ProposalPhotoService } from './services/proposal-photo.service';
import { SmsBallotService } from './services/sms-ballot.service';
import { ParticipationStatsResolver } from './resolvers/participation-stats.resolver';
import { MessageUpdatesRepository } from './repositories/message-updates.repository';
import { MessageUpdatesResolver } from './resolvers/message-updates.resolver';
import { MessageUpdatesService } from './services/message-updates.service';
import { AnnouncementsRepository } from './repositories/announcements.repository';
import { AnnouncementsService } from './services/announcements.service';
import { AnnouncementsResolver } from './resolvers/announcements.resolver';

/** Every SQL statement of participation is in one of these (repositories/). */
const repositories = [ProcessesRepository, ProposalsRepository, VotingRepository, OutcomesRepository, PaperBallotsRepository, PhaseScheduleRepository, VerificationsRepository, ProjectsRepository, ProposalMergesRepository, ProcessPlacesRepository, ProposalPhotosRepository, MessageUpdatesRepository, AnnouncementsRepository];

/** Issue 11's extras: districts and categories, merges, implementation tracking, notices. */
const extras = [ParticipationNotices, ProcessPlacesService, ProposalMergeService, ProjectService, DistrictLimits, ProposalPhotoService, SmsBallotService, ParticipationStatsResolver, MessageUpdatesService, MessageUpdatesResolver, ProposalPhotosResolver, ProposalThreadsService, ProposalCommentsResolver, ProcessPlacesResolver, ProjectResolver, ProcessImplementationResolver, ProposalProjectResolver, AnnouncementsService, AnnouncementsResolver];

/** Participatory budgeting (API side): processes, proposals, supports, ballots, results. */
@Module({
  imports: [TypeOrmModule.forFeature(PARTICIPATION_ENTITIES), TerritoryModule, IdentityModule, IdentityReadModule, NotificationsCoreModule, BudgetSpendingReadModule, ThreadsModule],
  controllers: [BallotSheetController, ParticipationPhotosController],
  providers: [...repositories, ...extras, BallotKeys, ProcessService, ProposalService, VotingService, PaperBallotService, ResultsService, PhaseTransitionService, PhaseScheduleService, ProcessResolver, ProposalResolver, PaperBallotResolver, DocumentKeys, VerificationService, VerificationResolver, BallotSheetService],
  exports: [ProcessService, ResultsService],
})
export class ParticipationModule {}

/** The worker side: the count of a closed vote, phases that begin on their planned date, notices to many. */
@Module({
  imports: [TypeOrmModule.forFeature(PARTICIPATION_ENTITIES), IdentityReadModule, NotificationsCoreModule],
  providers: [...repositories, ResultsService, PhaseTransitionService, ScheduledPhasesService, CountProcessJob, AdvancePhasesJob, ParticipationNotices, NotifyParticipantsJob],
})
export class ParticipationJobsModule {}
