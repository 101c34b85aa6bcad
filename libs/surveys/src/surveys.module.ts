import { IdentityModule } from '@ashar/identity';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SURVEYS_ENTITIES } from './entities';
import { AnswerSetsRepository } from './repositories/answer-sets.repository';
import { SurveysRepository } from './repositories/surveys.repository';
import { AssignmentResolver } from './resolvers/assignment.resolver';
import { SurveyResolver } from './resolvers/survey.resolver';
import { AnswerSetService } from './services/answer-set.service';
import { SurveyService } from './services/survey.service';

/** Field surveys (API side): surveys, form versions, quotas, interviewers, answer sets. */
@Module({
  imports: [TypeOrmModule.forFeature(SURVEYS_ENTITIES), TerritoryModule, IdentityModule],
  providers: [SurveysRepository, AnswerSetsRepository, SurveyService, AnswerSetService, SurveyResolver, AssignmentResolver],
  exports: [SurveyService],
})
export class SurveysModule {}
