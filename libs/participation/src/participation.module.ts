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

/** Every SQL statement of participation is in one of these (repositories/). */
const repositories = [ProcessesRepository, ProposalsRepository, VotingRepository, OutcomesRepository, PaperBallotsRepository, PhaseScheduleRepository, VerificationsRepository];

/** Participatory budgeting (API side): processes, proposals, supports, ballots, results. */
@Module({
  imports: [TypeOrmModule.forFeature(PARTICIPATION_ENTITIES), TerritoryModule, IdentityModule, IdentityReadModule],
  providers: [...repositories, BallotKeys, ProcessService, ProposalService, VotingService, PaperBallotService, ResultsService, PhaseTransitionService, PhaseScheduleService, ProcessResolver, ProposalResolver, PaperBallotResolver, DocumentKeys, VerificationService, VerificationResolver, BallotSheetService],
  controllers: [BallotSheetController],
  exports: [ProcessService, ResultsService],
})
export class ParticipationModule {}

/** The worker side: the count of a closed vote, phases that begin on their planned date. */
@Module({
  imports: [TypeOrmModule.forFeature(PARTICIPATION_ENTITIES), IdentityReadModule],
  providers: [...repositories, ResultsService, PhaseTransitionService, ScheduledPhasesService, CountProcessJob, AdvancePhasesJob],
})
export class ParticipationJobsModule {}
