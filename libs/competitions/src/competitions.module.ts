import { IdentityModule, IdentityReadModule } from '@ashar/identity';
import { NotificationsCoreModule } from '@ashar/notifications';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMPETITIONS_ENTITIES } from './entities';
import { CompetitionFilesController } from './http/competition-files.controller';
import { ApplicationFilesRepository } from './repositories/application-files.repository';
import { ApplicationsRepository } from './repositories/applications.repository';
import { CallsRepository } from './repositories/calls.repository';
import { ResultsQueries } from './repositories/results.queries';
import { ReviewsRepository } from './repositories/reviews.repository';
import { ApplicationResolver } from './resolvers/application.resolver';
import { CallResolver } from './resolvers/call.resolver';
import { ReviewResolver } from './resolvers/review.resolver';
import { ApplicationFileService } from './services/application-file.service';
import { ApplicationService } from './services/application.service';
import { CallService } from './services/call.service';
import { CompetitionsClock } from './services/competitions-clock';
import { DeadlineReminderService } from './services/deadline-reminder.service';
import { RemindDeadlinesJob } from './jobs/remind-deadlines.job';
import { CompetitionResultsService } from './services/results.service';
import { ReviewService } from './services/review.service';

/** Every SQL statement of competitions is in one of these (repositories/). */
const repositories = [CallsRepository, ApplicationsRepository, ReviewsRepository, ResultsQueries, ApplicationFilesRepository];

/** Competitions and grant calls (API side): calls, applications, the committee, results. */
@Module({
  imports: [TypeOrmModule.forFeature(COMPETITIONS_ENTITIES), TerritoryModule, IdentityModule, NotificationsCoreModule],
  controllers: [CompetitionFilesController],
  providers: [...repositories, CompetitionsClock, CallService, ApplicationService, ApplicationFileService, ReviewService, CompetitionResultsService, CallResolver, ApplicationResolver, ReviewResolver],
  exports: [CallService, CompetitionResultsService, CompetitionsClock],
})
export class CompetitionsModule {}

/** The worker side: deadline reminders to applicants with drafts. */
@Module({
  imports: [TypeOrmModule.forFeature(COMPETITIONS_ENTITIES), IdentityReadModule, NotificationsCoreModule],
  providers: [ApplicationsRepository, DeadlineReminderService, RemindDeadlinesJob],
})
export class CompetitionsJobsModule {}
