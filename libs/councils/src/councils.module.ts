import { IdentityModule } from '@ashar/identity';
import { NotificationsCoreModule } from '@ashar/notifications';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COUNCILS_ENTITIES } from './entities';
import { AnnualReportController } from './http/annual-report.controller';
import { OpenDataController } from './http/open-data.controller';
import { AnnualReportQueries } from './repositories/annual-report.queries';
import { AnnualReportService } from './services/annual-report.service';
import { MarkOverdueJob } from './jobs/mark-overdue.job';
import { OpenDataQueries } from './repositories/open-data.queries';
import { OpenDataService } from './services/open-data.service';
import { BodiesRepository } from './repositories/bodies.repository';
import { MeetingsRepository } from './repositories/meetings.repository';
import { PlansRepository } from './repositories/plans.repository';
import { RecommendationsRepository } from './repositories/recommendations.repository';
import { ActionItemResolver, ActionPlanResolver } from './resolvers/action-plan.resolver';
import { CouncilBodyExtrasResolver } from './resolvers/council-body-extras.resolver';
import { ActionPlanService } from './services/action-plan.service';
import { ApportionmentService } from './services/apportionment.service';
import { QuestionService } from './services/question.service';
import { AgendaItemResolver } from './resolvers/agenda-item.resolver';
import { CouncilBodyResolver } from './resolvers/council-body.resolver';
import { CouncilMeetingResolver } from './resolvers/council-meeting.resolver';
import { RecommendationResolver } from './resolvers/recommendation.resolver';
import { BodyAccess } from './services/body-access';
import { BodyService } from './services/body.service';
import { DecisionService } from './services/decision.service';
import { FollowUpService } from './services/follow-up.service';
import { MeetingService } from './services/meeting.service';
import { RecommendationService } from './services/recommendation.service';

/** Every SQL statement of councils is in one of these (repositories/). */
const repositories = [BodiesRepository, MeetingsRepository, RecommendationsRepository, PlansRepository];

/** Councils (API side): bodies, members, meetings, roll calls, decisions, recommendations, plans, seats, questions. */
@Module({
  imports: [TypeOrmModule.forFeature(COUNCILS_ENTITIES), TerritoryModule, IdentityModule, NotificationsCoreModule],
  providers: [...repositories, BodyAccess, BodyService, MeetingService, DecisionService, RecommendationService, ActionPlanService, ApportionmentService, QuestionService, CouncilBodyResolver, CouncilBodyExtrasResolver, CouncilMeetingResolver, AgendaItemResolver, RecommendationResolver, ActionPlanResolver, ActionItemResolver, OpenDataQueries, OpenDataService, AnnualReportQueries, AnnualReportService],
  controllers: [OpenDataController, AnnualReportController],
  exports: [BodyService],
})
export class CouncilsModule {}

/** The worker side: the overdue marking of recommendations and action items. */
@Module({
  imports: [TypeOrmModule.forFeature(COUNCILS_ENTITIES), NotificationsCoreModule],
  providers: [...repositories, FollowUpService, MarkOverdueJob],
})
export class CouncilsJobsModule {}
