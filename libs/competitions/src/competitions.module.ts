import { IdentityModule } from '@ashar/identity';
import { NotificationsCoreModule } from '@ashar/notifications';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMPETITIONS_ENTITIES } from './entities';
import { ApplicationsRepository } from './repositories/applications.repository';
import { CallsRepository } from './repositories/calls.repository';
import { ResultsQueries } from './repositories/results.queries';
import { ReviewsRepository } from './repositories/reviews.repository';
import { ApplicationResolver } from './resolvers/application.resolver';
import { CallResolver } from './resolvers/call.resolver';
import { ReviewResolver } from './resolvers/review.resolver';
import { ApplicationService } from './services/application.service';
import { CallService } from './services/call.service';
import { CompetitionsClock } from './services/competitions-clock';
import { CompetitionResultsService } from './services/results.service';
import { ReviewService } from './services/review.service';

/** Every SQL statement of competitions is in one of these (repositories/). */
const repositories = [CallsRepository, ApplicationsRepository, ReviewsRepository, ResultsQueries];

/** Competitions and grant calls (API side): calls, applications, the committee, results. */
@Module({
  imports: [TypeOrmModule.forFeature(COMPETITIONS_ENTITIES), TerritoryModule, IdentityModule, NotificationsCoreModule],
  providers: [...repositories, CompetitionsClock, CallService, ApplicationService, ReviewService, CompetitionResultsService, CallResolver, ApplicationResolver, ReviewResolver],
  exports: [CallService, CompetitionResultsService, CompetitionsClock],
})
export class CompetitionsModule {}
