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
import { SurveyAnswersReader } from './services/survey-answers.reader';
import { SurveyResultsService } from './services/survey-results.service';
import { SurveyResultsResolver } from './resolvers/survey-results.resolver';
import { SurveyFilesController } from './http/survey-files.controller';

/** Field surveys (API side): surveys, form versions, quotas, interviewers, answer sets. */
@Module({
  imports: [TypeOrmModule.forFeature(SURVEYS_ENTITIES), TerritoryModule, IdentityModule],
  controllers: [SurveyFilesController],
  providers: [SurveysRepository, AnswerSetsRepository, SurveyService, AnswerSetService, SurveyResultsService, SurveyAnswersReader, SurveyResolver, AssignmentResolver, SurveyResultsResolver],
  exports: [SurveyService, SurveyAnswersReader],
})
export class SurveysModule {}
