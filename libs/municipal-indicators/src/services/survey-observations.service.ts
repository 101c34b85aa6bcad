import { Actor } from '@ashar/auth';
import { DomainError } from '@ashar/kernel';
import { SurveyAnswersReader } from '@ashar/surveys';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { indicatorsFromAnswers, MUNICIPALITY_SURVEY_FORM } from '../domain/survey-mapping';
import { RecordMunicipalityObservationInput } from '../dtos/record-observation.input';
import { IndicatorsService } from './indicators.service';

export interface SurveyObservationsResult {
  recorded: number;
  unchanged: number;
  skipped: Array<{ instanceId: string; code: string; messageKey: string; field: string | null }>;
}

/**
 * "Filled by a survey of municipalities": the answer sets of a survey given on the standard questionnaire
 * (`MUNICIPALITY_SURVEY_FORM`, matched by its form id) become observations with source SURVEY, one per answer
 * set, of the unit it was given for (the answer set's "village": in a raion's survey, its aiyl okrugs). Each
 * goes through `recordMunicipalityObservation`'s own checks and permissions; running it again records nothing
 * twice (the answer-set id is unique among observations), a corrected answer set (a replacement) is a new one.
 * A set that cannot be recorded is skipped with its code and reason, the others are recorded.
 */
@Injectable()
export class SurveyObservationsService {
  constructor(
    private readonly reader: SurveyAnswersReader,
    private readonly indicators: IndicatorsService,
  ) {}

  async fromSurvey(actor: Actor, surveyId: string): Promise<SurveyObservationsResult> {
    const sets = await this.reader.ofForm(actor, surveyId, MUNICIPALITY_SURVEY_FORM.formId);
    const out: SurveyObservationsResult = { recorded: 0, unchanged: 0, skipped: [] };
    for (const s of sets) {
      const input = plainToInstance(RecordMunicipalityObservationInput, { ...indicatorsFromAnswers(s.answers as never, { unitId: s.villageId, answerSetId: s.instanceId }), unitId: s.villageId, source: 'SURVEY', surveyAnswerSetId: s.instanceId });
      const problems = await validate(input, { whitelist: true, forbidUnknownValues: false });
      if (problems.length) {
        const first = problems[0];
        out.skipped.push({ instanceId: s.instanceId, code: 'BAD_USER_INPUT', messageKey: Object.values(first.constraints ?? {})[0] ?? 'errors.validation.invalid', field: first.property });
        continue;
      }
      try {
        const before = await this.indicators.observationOfAnswerSet(s.instanceId);
        await this.indicators.record(actor, input);
        if (before) out.unchanged++;
        else out.recorded++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        out.skipped.push({ instanceId: s.instanceId, code: e.code, messageKey: e.messageKey, field: (e.details as { field?: string } | undefined)?.field ?? null });
      }
    }
    return out;
  }
}
