import { IdentityModule, IdentityReadModule } from '@ashar/identity';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PARTICIPATION_ENTITIES } from './entities';
import { CountProcessJob } from './jobs/count-process.job';
import { OutcomesRepository } from './repositories/outcomes.repository';
import { PaperBallotsRepository } from './repositories/paper-ballots.repository';
import { PaperBallotResolver } from './resolvers/paper-ballot.resolver';
import { BallotKeys } from './services/ballot-keys';
import { PaperBallotService } from './services/paper-ballot.service';
import { ProcessesRepository } from './repositories/processes.repository';
import { ProposalsRepository } from './repositories/proposals.repository';
import { VotingRepository } from './repositories/voting.repository';
import { ProcessResolver } from './resolvers/process.resolver';
import { ProposalResolver } from './resolvers/proposal.resolver';
import { ProcessService } from './services/process.service';
import { ProposalService } from './services/proposal.service';
import { ResultsService } from './services/results.service';
import { VotingService } from './services/voting.service';
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

/** Every SQL statement of participation is in one of these (repositories/). */
const repositories = [ProcessesRepository, ProposalsRepository, VotingRepository, OutcomesRepository, PaperBallotsRepository, ProjectsRepository, ProposalMergesRepository, ProcessPlacesRepository, ProposalPhotosRepository];

/** Issue 11's extras: districts and categories, merges, implementation tracking, notices. */
const extras = [ParticipationNotices, ProcessPlacesService, ProposalMergeService, ProjectService, DistrictLimits, ProposalPhotoService, ProposalPhotosResolver, ProposalThreadsService, ProposalCommentsResolver, ProcessPlacesResolver, ProjectResolver, ProcessImplementationResolver, ProposalProjectResolver];

/** Participatory budgeting (API side): processes, proposals, supports, ballots, results. */
@Module({
  imports: [TypeOrmModule.forFeature(PARTICIPATION_ENTITIES), TerritoryModule, IdentityModule, IdentityReadModule, NotificationsCoreModule, BudgetSpendingReadModule, ThreadsModule],
  controllers: [ParticipationPhotosController],
  providers: [...repositories, ...extras, BallotKeys, ProcessService, ProposalService, VotingService, PaperBallotService, ResultsService, ProcessResolver, ProposalResolver, PaperBallotResolver],
  exports: [ProcessService, ResultsService],
})
export class ParticipationModule {}

/** The worker side: the count of a closed vote, and notices to many. */
@Module({
  imports: [TypeOrmModule.forFeature(PARTICIPATION_ENTITIES), IdentityReadModule, NotificationsCoreModule],
  providers: [...repositories, ResultsService, CountProcessJob, ParticipationNotices, NotifyParticipantsJob],
})
export class ParticipationJobsModule {}
