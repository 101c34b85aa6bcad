import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { E_SERVICES } from '../domain/indicators';
import { EServiceEnum } from '../dtos/indicators.enums';
import { ComparisonType, MunicipalityIndicatorsType, ObservationType } from '../dtos/indicators.types';
import { RecordMunicipalityObservationInput } from '../dtos/record-observation.input';
import { IndicatorsService } from '../services/indicators.service';
import { SurveyObservationsService } from '../services/survey-observations.service';
import { SurveyObservationsResultType } from '../dtos/survey-observations.types';

/** Thin: every rule is in IndicatorsService. No field resolvers of its own, so no per-row SQL. */
@Resolver()
export class IndicatorsResolver {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly fromSurveys: SurveyObservationsService,
  ) {}

  @Mutation(() => SurveyObservationsResultType, { description: 'A survey of municipalities (the standard questionnaire) into the registry: one observation per answer set, source SURVEY; again records nothing twice' })
  recordMunicipalityObservationsFromSurvey(@CurrentActor() actor: Actor, @Args('surveyId', { type: () => ID }, UuidArg) surveyId: string) {
    return this.fromSurveys.fromSurvey(actor, surveyId);
  }

  @Query(() => MunicipalityIndicatorsType, { description: 'A municipality (aiyl okrug or city) with its current observation and history (public)' })
  municipalityIndicators(@CurrentActor() actor: Actor, @Args('unitId', { type: () => ID }, UuidArg) unitId: string) {
    return this.indicators.indicators(actor, unitId);
  }

  @Query(() => ComparisonType, { description: 'Every municipality of a raion or an oblast with its current values and score, and the area’s totals (public)' })
  municipalityComparison(@Args('areaUnitId', { type: () => ID }, UuidArg) areaUnitId: string) {
    return this.indicators.comparison(areaUnitId);
  }

  @Query(() => [EServiceEnum], { description: 'The fixed list of e-services, in order (names: i18n municipal.eservice.<CODE>)' })
  municipalityEServices(): EServiceEnum[] {
    return [...E_SERVICES] as EServiceEnum[];
  }

  @Mutation(() => ObservationType, { description: 'Admins and budget-group members of a community on the unit, and platform admins. SURVEY: give the answer set id' })
  recordMunicipalityObservation(@CurrentActor() actor: Actor, @Args('input') input: RecordMunicipalityObservationInput) {
    return this.indicators.record(actor, input);
  }
}
