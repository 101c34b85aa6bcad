import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { Transaction, TransactionRunner } from '@ashar/database';
import { AccountService } from '@ashar/identity';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { NotificationService } from '@ashar/notifications';
import { Injectable } from '@nestjs/common';
import { diffAnswers } from '../domain/answers-diff';
import { formatInZone, isOnTime } from '../domain/deadline';
import { checkAnswers, FormField, requestedAmount } from '../domain/form-definition';
import { DecideApplicationInput } from '../dtos/decide-application.input';
import { SaveDraftInput } from '../dtos/save-draft.input';
import { ScheduleInterviewInput } from '../dtos/schedule-interview.input';
import { StartApplicationInput } from '../dtos/start-application.input';
import { Application } from '../entities/application.entity';
import { CallStage } from '../entities/call-stage.entity';
import { CompetitionCall } from '../entities/competition-call.entity';
import { Interview } from '../entities/interview.entity';
import { StageSubmission } from '../entities/stage-submission.entity';
import { ApplicationFilesRepository } from '../repositories/application-files.repository';
import { ApplicationsRepository } from '../repositories/applications.repository';
import { ReviewsRepository } from '../repositories/reviews.repository';
import { CallService } from './call.service';
import { CompetitionsClock } from './competitions-clock';
import { refuse } from './problems';

const MAX_AMENDMENT_DAYS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Applications: drafts, frozen versioned submissions, editors, and the committee's decisions on them. */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly calls: CallService,
    private readonly accounts: AccountService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: CompetitionsClock,
    private readonly notifications: NotificationService,
    private readonly files: ApplicationFilesRepository,
  ) {}

  async byId(id: string): Promise<Application> {
    const a = await this.applications.findById(uuidOrNotFound('Application', id));
    if (!a) throw new NotFoundError('Application', id);
    return a;
  }

  /** Its editors (and platform admins) only; to everyone else it does not exist. */
  async editable(actor: Actor, id: string): Promise<Application> {
    this.permissions.requireAccount(actor);
    const a = await this.byId(id);
    if (!actor.platformAdmin && !(await this.applications.isEditor(a.id, actor.accountId!))) throw new NotFoundError('Application', id);
    return a;
  }

  editors(applicationId: string): Promise<string[]> {
    return this.applications.editors(applicationId);
  }

  submissions(applicationId: string): Promise<StageSubmission[]> {
    return this.applications.submissions(applicationId);
  }

  /** The caller's own applications (those they edit), every call. */
  mine(actor: Actor): Promise<Application[]> {
    return this.applications.ofEditor(this.permissions.requireAccount(actor));
  }

  async ofCall(actor: Actor, callId: string): Promise<Application[]> {
    const call = await this.calls.byId(callId);
    await this.calls.assertManage(actor, call);
    return this.applications.ofCall(call.id);
  }

  async start(actor: Actor, input: StartApplicationInput): Promise<Application> {
    const accountId = this.permissions.requireAccount(actor);
    const call = await this.calls.visible(actor, input.callId);
    if (call.status !== 'OPEN') throw new ConflictError('errors.competitions.callNotOpen', 'the call is not taking applications');
    if (!call.directions.some((d) => d.key === input.directionKey)) throw new InvalidInputError('input.directionKey', 'errors.competitions.unknownDirection');
    this.assertEligible(call, input.applicantKind, 'input.applicantKind');
    if (!call.languages.includes(input.language)) throw new InvalidInputError('input.language', 'errors.competitions.languageNotAccepted');
    if (input.durationMonths > call.maxDurationMonths) throw new InvalidInputError('input.durationMonths', 'errors.competitions.durationTooLong', undefined, { max: call.maxDurationMonths });
    const [first] = await this.calls.stages(call.id);
    this.assertOnTime(call, first, null);
    return this.tx.run(async (tx) => {
      const a = await this.applications.insert(tx, { callId: call.id, directionKey: input.directionKey, applicantKind: input.applicantKind, language: input.language, durationMonths: input.durationMonths, organisationName: input.organisationName, partnerName: input.partnerName ?? null, targetRegion: input.targetRegion, title: input.title, summary: input.summary ?? '', status: 'DRAFT', createdBy: accountId }, accountId);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.application.start', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { callId: call.id, title: a.title, applicantKind: a.applicantKind } });
      return a;
    });
  }

  async addEditor(actor: Actor, applicationId: string, accountId: string): Promise<string[]> {
    const a = await this.editable(actor, applicationId);
    const call = await this.calls.byId(a.callId);
    const [account] = await this.accounts.byIds([uuidOrNotFound('Account', accountId)]);
    if (!account) throw new InvalidInputError('accountId', 'errors.competitions.unknownAccount');
    await this.tx.run(async (tx) => {
      await this.applications.addEditor(tx, a.id, account.id);
      // An editor never reviews their own application.
      await this.reviews.deleteAssignments(tx, a.id, [account.id]);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.application.editor', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { editor: account.id } });
    });
    return this.applications.editors(a.id);
  }

  /**
   * Where a file for a draft may go, checked before one byte of an upload is read: the caller edits the
   * application, the stage takes drafts now (on time, not frozen), and `fieldKey` is one of its FILE fields.
   */
  async fileTarget(actor: Actor, applicationId: string, stageNumber: number, fieldKey: string): Promise<{ app: Application; call: CompetitionCall; stage: CallStage; field: FormField }> {
    const a = await this.editable(actor, applicationId);
    const call = await this.calls.byId(a.callId);
    const stage = await this.stageFor(call, a, stageNumber, 'stage');
    const field = stage.form.fields.find((f) => f.key === fieldKey && f.type === 'FILE');
    if (!field) throw new InvalidInputError('field', 'errors.competitions.answers.unknownField');
    const previous = await this.applications.latestSubmission(undefined, a.id, stage.number);
    this.assertOnTime(call, stage, previous ? a : null);
    return { app: a, call, stage, field };
  }

  async saveDraft(actor: Actor, input: SaveDraftInput): Promise<Application> {
    const a = await this.editable(actor, input.applicationId);
    const call = await this.calls.byId(a.callId);
    const stage = await this.stageFor(call, a, input.stage, 'input.stage');
    let answers: unknown;
    try {
      answers = JSON.parse(input.answers);
    } catch {
      throw new InvalidInputError('input.answers', 'errors.competitions.answers.notJson');
    }
    // An escaped NUL inside the JSON text would reach jsonb, which refuses it.
    if (JSON.stringify(answers).includes('\\u0000')) throw new InvalidInputError('input.answers', 'errors.validation.invalidCharacters');
    const problems = checkAnswers(stage.form, answers, { mode: 'draft', cap: BigInt(call.grantCap), prefix: 'input.answers' });
    if (problems.length) refuse(problems);
    await this.bindFiles(a.id, stage, answers as Record<string, unknown>, 'input.answers');
    const doNotReview = input.doNotReview ? [...new Set(input.doNotReview.map((x) => x.toLowerCase()))] : null;
    // Named before the first submission only: later (an amendment) it would let an applicant drop an expert who marked them low.
    if (doNotReview && a.status !== 'DRAFT' && !sameSet(doNotReview, a.doNotReview)) throw new InvalidInputError('input.doNotReview', 'errors.competitions.doNotReviewFrozen');
    await this.tx.run(async (tx) => {
      const locked = (await this.applications.lock(tx, a.id))!;
      const previous = await this.applications.latestSubmission(tx, a.id, stage.number);
      this.assertOnTime(call, stage, previous ? locked : null);
      await this.applications.update(tx, a.id, { drafts: { ...locked.drafts, [String(stage.number)]: answers as Record<string, unknown> }, ...(doNotReview ? { doNotReview } : {}) });
      if (doNotReview) {
        await this.reviews.replaceApplicantConflicts(tx, a.id, doNotReview);
        await this.reviews.deleteAssignments(tx, a.id, doNotReview);
      }
    });
    return this.byId(a.id);
  }

  /**
   * Freezes the stage's draft as the next version. On time strictly before the deadline; after it only
   * an amendment (a stage already submitted, inside the window the committee opened).
   */
  async submitStage(actor: Actor, applicationId: string, stageNumber: number): Promise<StageSubmission> {
    const a = await this.editable(actor, applicationId);
    const call = await this.calls.byId(a.callId);
    const stage = await this.stageFor(call, a, stageNumber, 'stage');
    this.assertEligible(call, a.applicantKind, 'applicantKind');
    return this.tx.run(async (tx) => {
      const locked = (await this.applications.lock(tx, a.id))!;
      const previous = await this.applications.latestSubmission(tx, a.id, stage.number);
      this.assertOnTime(call, stage, previous ? locked : null);
      const answers = locked.drafts[String(stage.number)] ?? {};
      const problems = checkAnswers(stage.form, answers, { mode: 'submit', cap: BigInt(call.grantCap) });
      if (problems.length) refuse(problems);
      // Again at submission: a draft saved before uploads were required, or edited around the API, still
      // has to name this application's own files.
      await this.bindFiles(a.id, stage, answers, 'answers');
      const sub = await this.applications.insertSubmission(tx, { applicationId: a.id, stageNumber: stage.number, version: (previous?.version ?? 0) + 1, answers, diff: previous ? diffAnswers(previous.answers, answers) : [], submittedBy: actor.accountId! });
      await this.applications.update(tx, a.id, { status: locked.status === 'DRAFT' ? 'SUBMITTED' : locked.status, requestedAmount: requestedAmount(stage.form, answers).toString() });
      await this.audit.record(tx, actor.toAudit(), { action: previous ? 'competitions.application.amend' : 'competitions.application.submit', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { stage: stage.number, version: sub.version, changedFields: sub.diff.map((d) => d.field) } });
      return sub;
    });
  }

  async decide(actor: Actor, input: DecideApplicationInput): Promise<Application> {
    const a = await this.byId(input.applicationId);
    const call = await this.calls.byId(a.callId);
    await this.calls.assertManage(actor, call);
    if (input.decision === 'SELECTED') {
      if (!input.awardedAmount) throw new InvalidInputError('input.awardedAmount', 'errors.competitions.amountRequired');
      if (BigInt(input.awardedAmount) > BigInt(call.grantCap)) throw new InvalidInputError('input.awardedAmount', 'errors.competitions.overCap', undefined, { cap: call.grantCap });
    } else if (input.awardedAmount) throw new InvalidInputError('input.awardedAmount', 'errors.competitions.amountOnlySelected');
    await this.tx.run(async (tx) => {
      const locked = (await this.applications.lock(tx, a.id))!;
      const from: Record<string, string[]> = { SHORTLISTED: ['SUBMITTED'], REJECTED: ['SUBMITTED', 'SHORTLISTED'], SELECTED: ['SUBMITTED', 'SHORTLISTED'] };
      if (call.status !== 'OPEN' || !from[input.decision].includes(locked.status)) throw new ConflictError('errors.competitions.notDecidable', `cannot decide ${input.decision} on a ${locked.status} application`, { status: locked.status });
      await this.applications.update(tx, a.id, { status: input.decision, decisionReason: input.reason, awardedAmount: input.decision === 'SELECTED' ? input.awardedAmount! : null });
      await this.tell(tx, call, locked, `notifications.competitions.decision.${input.decision}`, { reason: input.reason }, `cmp-decision.${a.id}.${input.decision}`);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.application.decide', entityType: 'Application', entityId: a.id, communityId: call.communityId, before: { status: locked.status }, after: { status: input.decision, reason: input.reason, awardedAmount: input.awardedAmount ?? null } });
    });
    return this.byId(a.id);
  }

  /** A selected project excluded later (e.g. for not doing the programme's tasks): the reason is published. */
  async exclude(actor: Actor, applicationId: string, reason: string): Promise<Application> {
    const a = await this.byId(applicationId);
    const call = await this.calls.byId(a.callId);
    await this.calls.assertManage(actor, call);
    const why = reason.trim();
    if (!why) throw new InvalidInputError('reason', 'errors.competitions.reasonRequired');
    if (why.length > 2000) throw new InvalidInputError('reason', 'errors.validation.tooLong', undefined, { max: 2000 });
    await this.tx.run(async (tx) => {
      const locked = (await this.applications.lock(tx, a.id))!;
      if (locked.status !== 'SELECTED') throw new ConflictError('errors.competitions.onlySelectedExcluded', 'only a selected project can be excluded');
      await this.applications.update(tx, a.id, { status: 'EXCLUDED', exclusionReason: why, excludedAt: this.clock.now() });
      await this.tell(tx, call, locked, 'notifications.competitions.excluded', { reason: why }, `cmp-exclude.${a.id}`);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.application.exclude', entityType: 'Application', entityId: a.id, communityId: call.communityId, before: { status: 'SELECTED' }, after: { status: 'EXCLUDED', reason: why } });
    });
    return this.byId(a.id);
  }

  async scheduleInterview(actor: Actor, input: ScheduleInterviewInput): Promise<Interview> {
    const a = await this.byId(input.applicationId);
    const call = await this.calls.byId(a.callId);
    await this.calls.assertManage(actor, call);
    if (Number.isNaN(input.startsAt.getTime())) throw new InvalidInputError('input.startsAt', 'errors.validation.invalid');
    if (!['SUBMITTED', 'SHORTLISTED'].includes(a.status)) throw new ConflictError('errors.competitions.notUnderReview', 'only an application under review is interviewed');
    return this.tx.run(async (tx) => {
      const i = await this.reviews.insertInterview(tx, { applicationId: a.id, startsAt: input.startsAt, notes: input.notes ?? '', createdBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.interview.schedule', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { interviewId: i.id, startsAt: i.startsAt.toISOString() } });
      return i;
    });
  }

  /** The committee's notes of an interview, written after it. */
  async recordInterviewNotes(actor: Actor, interviewId: string, notes: string): Promise<Interview> {
    const i = await this.reviews.interview(uuidOrNotFound('Interview', interviewId));
    if (!i) throw new NotFoundError('Interview', interviewId);
    const a = await this.byId(i.applicationId);
    const call = await this.calls.byId(a.callId);
    await this.calls.assertManage(actor, call);
    if (notes.length > 10_000) throw new InvalidInputError('notes', 'errors.validation.tooLong', undefined, { max: 10_000 });
    await this.tx.run(async (tx) => {
      await this.reviews.setInterviewNotes(tx, i.id, notes);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.interview.notes', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { interviewId: i.id } });
    });
    return (await this.reviews.interview(i.id))!;
  }

  /** For the assigned expert (the caller checked that): the committee's notes included. */
  interviewsOf(applicationId: string): Promise<Interview[]> {
    return this.reviews.interviews(applicationId);
  }

  async interviewsFor(actor: Actor, a: Application): Promise<Interview[]> {
    const all = await this.reviews.interviews(a.id);
    const call = await this.calls.byId(a.callId);
    return (await this.calls.canManage(actor, call.communityId)) ? all : all.map((i) => ({ ...i, notes: '' }));
  }

  /** After an interview: the applicant may resubmit their latest stage for `days` days (a new version with a diff). */
  async openAmendmentWindow(actor: Actor, applicationId: string, days: number): Promise<Application> {
    const a = await this.byId(applicationId);
    const call = await this.calls.byId(a.callId);
    await this.calls.assertManage(actor, call);
    if (!Number.isInteger(days) || days < 1 || days > MAX_AMENDMENT_DAYS) throw new InvalidInputError('days', 'errors.competitions.amendmentDays', undefined, { max: MAX_AMENDMENT_DAYS });
    const now = this.clock.now();
    if (!(await this.reviews.interviews(a.id)).some((i) => i.startsAt <= now)) throw new ConflictError('errors.competitions.interviewFirst', 'the amendment window opens after an interview');
    const until = new Date(now.getTime() + days * 86_400_000);
    await this.tx.run(async (tx) => {
      const locked = (await this.applications.lock(tx, a.id))!;
      if (!['SUBMITTED', 'SHORTLISTED'].includes(locked.status)) throw new ConflictError('errors.competitions.notUnderReview', 'only an application under review may be amended');
      await this.applications.update(tx, a.id, { amendmentUntil: until });
      await this.tell(tx, call, locked, 'notifications.competitions.amendmentWindow', { until: formatInZone(until, call.timeZone) }, `cmp-amend.${a.id}.${until.getTime()}`);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.application.amendmentWindow', entityType: 'Application', entityId: a.id, communityId: call.communityId, before: { amendmentUntil: locked.amendmentUntil?.toISOString() ?? null }, after: { amendmentUntil: until.toISOString() } });
    });
    return this.byId(a.id);
  }

  /** Each editor learns in the app (written in the caller's transaction: only if the decision commits). */
  private async tell(tx: Transaction, call: CompetitionCall, a: Application, templateKey: string, params: Record<string, string>, key: string): Promise<void> {
    for (const accountId of await this.applications.editors(a.id, tx)) {
      await this.notifications.send(tx, { recipient: { accountId }, channel: 'in_app', templateKey, params: { title: a.title, call: { text: call.title }, ...params }, idempotencyKey: `${key}.${accountId}` });
    }
  }

  /**
   * Every FILE answer must name (`fileId`) a file uploaded to this application for that field (no id, an
   * unknown id, a file of another application or field: BAD_USER_INPUT at the field); its name and type
   * are then the stored ones (read from the bytes), whatever the client sent.
   */
  private async bindFiles(applicationId: string, stage: CallStage, answers: Record<string, unknown>, prefix: string): Promise<void> {
    for (const f of stage.form.fields) {
      const v = answers[f.key] as { fileId?: unknown } | undefined | null;
      if (f.type !== 'FILE' || v === undefined || v === null) continue;
      const id = typeof v === 'object' ? v.fileId : undefined;
      const file = typeof id === 'string' && UUID.test(id) ? await this.files.findById(id) : null;
      if (!file || file.applicationId !== applicationId || file.stageNumber !== stage.number || file.fieldKey !== f.key) throw new InvalidInputError(`${prefix}.${f.key}`, 'errors.competitions.answers.notFile');
      answers[f.key] = { fileId: file.id, name: file.fileName, contentType: file.contentType };
    }
  }

  /** The stage an applicant may work on: it exists, and after the first only for the shortlisted. */
  private async stageFor(call: CompetitionCall, a: Application, n: number, field: string): Promise<CallStage> {
    const stage = (await this.calls.stages(call.id)).find((s) => s.number === n);
    if (!stage) throw new InvalidInputError(field, 'errors.competitions.unknownStage');
    if (call.status !== 'OPEN') throw new ConflictError('errors.competitions.callNotOpen', 'the call is not taking applications');
    if (n > 1 && a.status !== 'SHORTLISTED') throw new ConflictError('errors.competitions.shortlistedOnly', 'this stage is open to the shortlisted only');
    if (['REJECTED', 'SELECTED', 'EXCLUDED'].includes(a.status)) throw new ConflictError('errors.competitions.decided', 'a decided application no longer changes');
    return stage;
  }

  private assertEligible(call: CompetitionCall, kind: string, field: string): void {
    if (!call.applicantKinds.includes(kind as CompetitionCall['applicantKinds'][number])) throw new InvalidInputError(field, 'errors.competitions.notEligible', undefined, { kinds: call.applicantKinds.join(', ') });
  }

  /**
   * A first submission (or a draft of an unsubmitted stage) strictly before the deadline; a stage
   * already submitted is frozen, unless the committee opened an amendment window that is still open.
   */
  private assertOnTime(call: CompetitionCall, stage: CallStage, submittedApp: Application | null): void {
    const now = this.clock.now();
    if (submittedApp) {
      if (submittedApp.amendmentUntil && isOnTime(now, submittedApp.amendmentUntil)) return;
      if (submittedApp.amendmentUntil) throw new ConflictError('errors.competitions.amendmentClosed', `the amendment window closed at ${formatInZone(submittedApp.amendmentUntil, call.timeZone)}`, { params: { until: formatInZone(submittedApp.amendmentUntil, call.timeZone) } });
      throw new ConflictError('errors.competitions.stageFrozen', 'this stage was submitted and is frozen');
    }
    if (!isOnTime(now, stage.deadlineAt)) {
      const deadline = formatInZone(stage.deadlineAt, call.timeZone);
      throw new ConflictError('errors.competitions.deadlinePassed', `the deadline was ${deadline}`, { params: { deadline, timeZone: call.timeZone } });
    }
  }
}


