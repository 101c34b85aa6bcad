import { Actor } from '@ashar/auth';
import { Injectable } from '@nestjs/common';
import { AnswerSetsRepository } from '../repositories/answer-sets.repository';
import { SurveyService } from './survey.service';

/**
 * For other contexts (municipality indicators): a survey's counted answer sets given on one form (by its XLSForm
 * `form_id`), to its organisers only. The caller maps the answers; this library never learns what they mean.
 */
@Injectable()
export class SurveyAnswersReader {
  constructor(
    private readonly surveys: SurveyService,
    private readonly answerSets: AnswerSetsRepository,
  ) {}

  async ofForm(actor: Actor, surveyId: string, formId: string): Promise<Array<{ instanceId: string; villageId: string; answers: Record<string, unknown> }>> {
    const s = await this.surveys.managed(actor, surveyId);
    return this.answerSets.ofFormId(s.id, formId);
  }
}
