import { IdentityModule } from '@ashar/identity';
import { SurveysModule } from '@ashar/surveys';
import { TerritoryModule } from '@ashar/territory';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MUNICIPAL_INDICATORS_ENTITIES } from './entities';
import { MunicipalOpenDataController } from './http/open-data.controller';
import { ObservationsRepository } from './repositories/observations.repository';
import { IndicatorsResolver } from './resolvers/indicators.resolver';
import { IndicatorsService } from './services/indicators.service';
import { OpenDataService } from './services/open-data.service';
import { SurveyObservationsService } from './services/survey-observations.service';

/** Municipality indicators (API side): record, history, comparison, open-data files. No jobs. */
@Module({
  imports: [TypeOrmModule.forFeature(MUNICIPAL_INDICATORS_ENTITIES), TerritoryModule, IdentityModule, SurveysModule],
  providers: [ObservationsRepository, IndicatorsService, OpenDataService, SurveyObservationsService, IndicatorsResolver],
  controllers: [MunicipalOpenDataController],
  exports: [IndicatorsService],
})
export class MunicipalIndicatorsModule {}
