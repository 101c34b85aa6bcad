import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { pgErrorCode, PG_UNIQUE_VIOLATION, requestHash, TransactionRunner } from '@ashar/database';
import { MembershipService } from '@ashar/identity';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { ageGroupOf, checkAnswers, SurveyLanguage } from '@ashar/survey-forms';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { SubmitSurveyAnswerSetInput } from '../dtos/submit-answer-set.input';
import { SurveyAnswerSetStatus } from '../dtos/surveys.enums';
import { SurveyAnswerSetReceiptType, SurveyAnswerSetResultType } from '../dtos/survey.types';
import { SurveyAnswerSet } from '../entities/survey-answer-set.entity';
import { AnswerSetsRepository } from '../repositories/answer-sets.repository';
import { SurveysRepository } from '../repositories/surveys.repository';
import { SURVEYS_PERMISSIONS as P } from '../surveys.permissions';
import { refuse } from './problems';

const CONFLICT_KEY = 'errors.surveys.instanceConflict';
const BATCH_MAX = 200;

const receiptOf = (row: SurveyAnswerSet, status: SurveyAnswerSetStatus): SurveyAnswerSetReceiptType => ({ instanceId: row.instanceId, status, overQuota: row.overQuota, replacedInstanceId: row.replacesInstanceId });

/**
 * Answer sets from interviewers' phones. The instance id made on the phone is the key: a re-send with
 * the same content answers the stored receipt again (ALREADY_RECEIVED, nothing stored, no audit event),
 * with other content a CONFLICT. Sets of one survey take turns on the survey's row lock, so quota
 * arithmetic is exact under concurrency; the unique instance id is the database's own guard.
 */
@Injectable()
export class AnswerSetService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly answerSets: AnswerSetsRepository,
    private readonly memberships: MembershipService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async submit(actor: Actor, input: SubmitSurveyAnswerSetInput, field = 'input'): Promise<SurveyAnswerSetReceiptType> {
    const accountId = this.permissions.requireAccount(actor);
    const assignment = await this.surveys.assignment(uuidOrNotFound('SurveyAssignment', input.assignmentId));
    if (!assignment || assignment.accountId !== accountId) throw new NotFoundError('SurveyAssignment', input.assignmentId);
    const survey = (await this.surveys.findById(assignment.surveyId))!;
    await this.permissions.assert(actor, survey.communityId, 'surveys.interview', P);
    const hash = requestHash({
      assignmentId: input.assignmentId,
      formVersionId: input.formVersionId,
      villageId: input.villageId,
      gender: input.gender,
      age: input.age ?? null,
      ageGroup: input.ageGroup ?? null,
      answers: canonical(input.answers),
      consentGiven: input.consentGiven,
      consentLanguage: input.consentLanguage,
      startedAt: input.startedAt?.toISOString?.() ?? null,
      completedAt: input.completedAt?.toISOString?.() ?? null,
      replacesInstanceId: input.replacesInstanceId ?? null,
      residentAccountId: input.residentAccountId ?? null,
    });
    // A re-send is answered before anything else is judged again: what was accepted stays accepted.
    const known = await this.answerSets.byInstance(input.instanceId);
    if (known) return this.again(known, accountId, hash);

    if (!assignment.villageIds.includes(input.villageId)) throw new ForbiddenError('surveys.interview.village');
    if (input.consentGiven !== true) throw new InvalidInputError(`${field}.consentGiven`, 'errors.surveys.consentRequired');
    const language = input.consentLanguage as SurveyLanguage;
    const consentText = survey.consent[language];
    if (!consentText) throw new InvalidInputError(`${field}.consentLanguage`, 'errors.surveys.noConsentInLanguage');
    const version = await this.surveys.version(uuidOrNotFound('SurveyFormVersion', input.formVersionId));
    if (!version || version.surveyId !== survey.id) throw new InvalidInputError(`${field}.formVersionId`, 'errors.surveys.unknownFormVersion');
    if (!(input.completedAt >= input.startedAt)) throw new InvalidInputError(`${field}.completedAt`, 'errors.surveys.completedBeforeStarted');
    const ageGroup = this.ageGroup(survey.ageGroups, input, field);
    if (input.residentAccountId) {
      if (survey.anonymous) throw new InvalidInputError(`${field}.residentAccountId`, 'errors.surveys.anonymousSurvey');
      const roles = await this.memberships.rolesOfAccount(input.residentAccountId);
      if (!roles.some((r) => r.communityId === survey.communityId)) throw new InvalidInputError(`${field}.residentAccountId`, 'errors.surveys.notAResident');
    }
    const raw = input.answers;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidInputError(`${field}.answers`, 'errors.surveys.answersShape');
    const checked = checkAnswers(version.form, raw as Record<string, unknown>, language, 'answers');
    if (checked.problems.length) refuse(checked.problems);

    try {
      return await this.tx.run(async (tx) => {
        await this.surveys.lock(tx, survey.id);
        // Re-read under the lock: a twin of this request may have been stored while we waited.
        const twin = await this.answerSets.byInstance(input.instanceId, tx);
        if (twin) return this.again(twin, accountId, hash);
        let replaced: SurveyAnswerSet | null = null;
        if (input.replacesInstanceId) {
          replaced = await this.answerSets.byInstance(input.replacesInstanceId, tx);
          if (!replaced || replaced.surveyId !== survey.id || replaced.interviewerAccountId !== accountId) throw new InvalidInputError(`${field}.replacesInstanceId`, 'errors.surveys.unknownInstance');
          if (replaced.supersededBy) throw new ConflictError('errors.surveys.alreadyReplaced', 'that answer set was replaced already', { by: replaced.supersededBy });
          await this.answerSets.markSuperseded(tx, replaced.instanceId, input.instanceId);
        }
        const cells = await this.surveys.quotaCells(survey.id, tx);
        const cell = cells.find((c) => c.villageId === input.villageId && c.gender === input.gender && c.ageGroup === ageGroup);
        // Kept whatever the count: a set that arrives for a full cell is flagged, never refused or lost.
        const overQuota = cell ? (await this.answerSets.acceptedInCell(tx, survey.id, input.villageId, input.gender, ageGroup)) >= cell.target : false;
        const row = await this.answerSets.insert(tx, {
          instanceId: input.instanceId,
          surveyId: survey.id,
          formVersionId: version.id,
          assignmentId: assignment.id,
          interviewerAccountId: accountId,
          villageId: input.villageId,
          gender: input.gender,
          age: input.age ?? null,
          ageGroup,
          answers: checked.answers,
          consentGiven: true,
          consentLanguage: language,
          consentText,
          residentAccountId: input.residentAccountId ?? null,
          startedAt: input.startedAt,
          completedAt: input.completedAt,
          requestHash: hash,
          overQuota,
          replacesInstanceId: replaced?.instanceId ?? null,
        });
        await this.audit.record(tx, actor.toAudit(), {
          action: replaced ? 'surveys.answerSet.replace' : 'surveys.answerSet.submit',
          entityType: 'SurveyAnswerSet',
          entityId: row.id,
          communityId: survey.communityId,
          // The answers stay out of the audit trail (they are about a person); the cell and flags are in.
          after: { instanceId: row.instanceId, surveyId: survey.id, formVersion: version.number, villageId: row.villageId, gender: row.gender, ageGroup, overQuota, replaces: row.replacesInstanceId },
        });
        return receiptOf(row, SurveyAnswerSetStatus.ACCEPTED);
      });
    } catch (e) {
      // Two first sends at once outside one survey's lock cannot happen, but the constraint answers anyway.
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) {
        const stored = await this.answerSets.byInstance(input.instanceId);
        if (stored) return this.again(stored, accountId, hash);
      }
      throw e;
    }
  }

  /** A batch from a phone: each item judged alone, in order; one item's refusal does not stop the rest. */
  async submitMany(actor: Actor, inputs: SubmitSurveyAnswerSetInput[]): Promise<SurveyAnswerSetResultType[]> {
    this.permissions.requireAccount(actor);
    if (inputs.length > BATCH_MAX) throw new InvalidInputError('input', 'errors.surveys.batchTooLarge', undefined, { max: BATCH_MAX });
    const out: SurveyAnswerSetResultType[] = [];
    for (const [i, raw] of inputs.entries()) {
      const instanceId = typeof raw?.instanceId === 'string' ? raw.instanceId : '';
      // The validation pipe does not look inside a list argument: each item is validated here, like a single input.
      const input = plainToInstance(SubmitSurveyAnswerSetInput, raw);
      const failed = await validate(input, { whitelist: true, forbidUnknownValues: false, stopAtFirstError: true });
      if (failed.length) {
        out.push({ instanceId, receipt: null, error: { code: 'BAD_USER_INPUT', messageKey: firstKey(failed[0]), field: `input.${i}.${failed[0].property}` } });
        continue;
      }
      try {
        out.push({ instanceId: input.instanceId, receipt: await this.submit(actor, input, `input.${i}`), error: null });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        out.push({ instanceId: input.instanceId, receipt: null, error: { code: e.code, messageKey: e.messageKey, field: e instanceof InvalidInputError ? e.field : null } });
      }
    }
    return out;
  }

  private again(stored: SurveyAnswerSet, accountId: string, hash: string): SurveyAnswerSetReceiptType {
    if (stored.interviewerAccountId !== accountId || stored.requestHash !== hash) throw new ConflictError(CONFLICT_KEY, 'instance id reused with other content');
    return receiptOf(stored, SurveyAnswerSetStatus.ALREADY_RECEIVED);
  }

  private ageGroup(groups: Parameters<typeof ageGroupOf>[0], input: SubmitSurveyAnswerSetInput, field: string): string {
    if (input.age != null) {
      const g = ageGroupOf(groups, input.age);
      if (!g) throw new InvalidInputError(`${field}.age`, 'errors.surveys.ageOutsideGroups');
      if (input.ageGroup && input.ageGroup !== g.key) throw new InvalidInputError(`${field}.ageGroup`, 'errors.surveys.ageGroupMismatch');
      return g.key;
    }
    if (!input.ageGroup) throw new InvalidInputError(`${field}.age`, 'errors.validation.required');
    if (!groups.some((g) => g.key === input.ageGroup)) throw new InvalidInputError(`${field}.ageGroup`, 'errors.surveys.unknownAgeGroup');
    return input.ageGroup;
  }
}

function firstKey(e: ValidationError): string {
  const ctx = Object.values(e.contexts ?? {})[0] as { messageKey?: string } | undefined;
  return ctx?.messageKey ?? 'errors.validation.invalid';
}

/** Object keys sorted at every level, so the same answers hash the same whatever order the phone wrote them in. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}
