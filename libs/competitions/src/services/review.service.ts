import { Actor, PermissionService, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { MembershipService } from '@ashar/identity';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { COMPETITIONS_PERMISSIONS as P } from '../competitions.permissions';
import { aggregate, ApplicationAggregate, scoreProblems, weightedTotal } from '../domain/aggregation';
import { assignReviewers, conflictKey, eligible } from '../domain/assignment';
import { AddExpertInput } from '../dtos/add-expert.input';
import { SubmitScoresInput } from '../dtos/submit-scores.input';
import { Application } from '../entities/application.entity';
import { CompetitionCall } from '../entities/competition-call.entity';
import { ReviewAssignment } from '../entities/review-assignment.entity';
import { ApplicationsRepository } from '../repositories/applications.repository';
import { ReviewsRepository } from '../repositories/reviews.repository';
import { ApplicationService } from './application.service';
import { CallService } from './call.service';
import { refuse } from './problems';

const UNDER_REVIEW = ['SUBMITTED', 'SHORTLISTED'];

/**
 * The committee: experts per call and direction, conflicts of interest, balanced assignment, blind
 * scoring (an expert sees others' scores and the average only after submitting their own), ranking.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly applicationsRepo: ApplicationsRepository,
    private readonly applications: ApplicationService,
    private readonly calls: CallService,
    private readonly memberships: MembershipService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async addExpert(actor: Actor, input: AddExpertInput): Promise<string[]> {
    const call = await this.calls.byId(input.callId);
    await this.calls.assertManage(actor, call);
    const roles = await this.memberships.rolesOfAccount(input.accountId);
    if (!roles.some((r) => r.communityId === call.communityId && r.role === Role.EXPERT)) throw new InvalidInputError('input.accountId', 'errors.competitions.notAnExpert');
    const directions = [...new Set(input.directions ?? [])];
    directions.forEach((d, i) => {
      if (!call.directions.some((x) => x.key === d)) throw new InvalidInputError(`input.directions.${i}`, 'errors.competitions.unknownDirection');
    });
    await this.tx.run(async (tx) => {
      await this.reviews.upsertExpert(tx, call.id, input.accountId.toLowerCase(), directions);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.committee.expert', entityType: 'CompetitionCall', entityId: call.id, communityId: call.communityId, after: { expert: input.accountId, directions } });
    });
    return (await this.reviews.experts(call.id)).map((e) => e.accountId);
  }

  /** An expert of the call declares a conflict: the application leaves their list and they can no longer see it. */
  async declareConflict(actor: Actor, applicationId: string, reason: string | null): Promise<boolean> {
    const a = await this.applications.byId(applicationId);
    const call = await this.calls.byId(a.callId);
    await this.permissions.assert(actor, call.communityId, 'competitions.review', P);
    if (reason && reason.length > 2000) throw new InvalidInputError('reason', 'errors.validation.tooLong', undefined, { max: 2000 });
    if (!(await this.reviews.expert(call.id, actor.accountId!))) throw new ForbiddenError('competitions.review');
    await this.tx.run(async (tx) => {
      await this.reviews.addConflict(tx, a.id, actor.accountId!, 'EXPERT', reason?.trim() || null);
      await this.reviews.deleteAssignments(tx, a.id, [actor.accountId!]);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.conflict.declare', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { expert: actor.accountId } });
    });
    return true;
  }

  /** Gives each application under review `perApplication` experts, balanced by load (domain/assignment). */
  async autoAssign(actor: Actor, callId: string, perApplication: number): Promise<{ created: number; short: Array<{ applicationId: string; missing: number }> }> {
    const call = await this.calls.byId(callId);
    await this.calls.assertManage(actor, call);
    if (!Number.isInteger(perApplication) || perApplication < 1 || perApplication > 20) throw new InvalidInputError('perApplication', 'errors.validation.invalid');
    return this.tx.run(async (tx) => {
      await this.calls.lockForAssignment(tx, call.id);
      const apps = (await this.applicationsRepo.submittedOfCall(call.id, tx)).filter((a) => UNDER_REVIEW.includes(a.status));
      const experts = await this.reviews.experts(call.id, tx);
      const conflicts = new Set((await this.reviews.conflictsOfCall(call.id, tx)).map((c) => conflictKey(c.applicationId, c.accountId)));
      // An expert who edits an application is conflicted with it whether they declared it or not.
      for (const e of await this.applicationsRepo.editorsOfCall(call.id, tx)) conflicts.add(conflictKey(e.applicationId, e.accountId));
      const existing = (await this.reviews.assignmentsOfCall(call.id, tx)).map((r) => ({ applicationId: r.applicationId, expertId: r.expertAccountId }));
      const r = assignReviewers(apps.map((a) => ({ id: a.id, direction: a.directionKey })), experts.map((e) => ({ id: e.accountId, directions: e.directions })), conflicts, perApplication, existing);
      await this.reviews.insertAssignments(tx, r.pairs.map((p) => ({ applicationId: p.applicationId, expertAccountId: p.expertId })));
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.assignment.auto', entityType: 'CompetitionCall', entityId: call.id, communityId: call.communityId, after: { perApplication, created: r.pairs.length, short: r.short } });
      return { created: r.pairs.length, short: r.short };
    });
  }

  /** The organisers edit the assignment by hand; a conflicted or off-direction expert is refused. */
  async setAssignment(actor: Actor, applicationId: string, expertAccountId: string, assigned: boolean): Promise<string[]> {
    const a = await this.applications.byId(applicationId);
    const call = await this.calls.byId(a.callId);
    await this.calls.assertManage(actor, call);
    const expert = await this.reviews.expert(call.id, expertAccountId.toLowerCase());
    if (assigned) {
      if (!expert) throw new InvalidInputError('expertAccountId', 'errors.competitions.notOnCommittee');
      if (!UNDER_REVIEW.includes(a.status)) throw new ConflictError('errors.competitions.notUnderReview', 'only an application under review is assigned');
      if ((await this.reviews.hasConflict(a.id, expert.accountId)) || (await this.applicationsRepo.isEditor(a.id, expert.accountId))) throw new ConflictError('errors.competitions.conflicted', 'this expert has a conflict of interest with this application');
      if (!eligible({ id: a.id, direction: a.directionKey }, { id: expert.accountId, directions: expert.directions }, new Set())) throw new InvalidInputError('expertAccountId', 'errors.competitions.otherDirection');
    }
    await this.tx.run(async (tx) => {
      if (assigned) await this.reviews.insertAssignments(tx, [{ applicationId: a.id, expertAccountId: expert!.accountId }]);
      else await this.reviews.deleteAssignments(tx, a.id, [expertAccountId.toLowerCase()]);
      await this.audit.record(tx, actor.toAudit(), { action: assigned ? 'competitions.assignment.add' : 'competitions.assignment.remove', entityType: 'Application', entityId: a.id, communityId: call.communityId, after: { expert: expertAccountId } });
    });
    return (await this.reviews.assignmentsOfApplication(a.id)).map((r) => r.expertAccountId);
  }

  /**
   * The application as its reviewer may see it: an expert of the community, assigned, without a
   * conflict; to any other expert (a conflicted one included) it does not exist. Platform admins pass.
   */
  async reviewable(actor: Actor, applicationId: string): Promise<{ app: Application; call: CompetitionCall; mine: ReviewAssignment | null }> {
    const app = await this.applications.byId(applicationId);
    const call = await this.calls.byId(app.callId);
    await this.permissions.assert(actor, call.communityId, 'competitions.review', P);
    const mine = await this.reviews.assignment(app.id, actor.accountId!);
    const conflicted = (await this.reviews.hasConflict(app.id, actor.accountId!)) || (await this.applicationsRepo.isEditor(app.id, actor.accountId!));
    if (!actor.platformAdmin && (!mine || conflicted)) throw new NotFoundError('Application', applicationId);
    return { app, call, mine };
  }

  /** Others' scores and the average: only once the caller has submitted their own (or as a platform admin). */
  async scoreSummary(actor: Actor, applicationId: string): Promise<{ reviews: number; weightedMean: number; spread: number; sheets: Array<{ total: number; scores: NonNullable<ReviewAssignment['scores']> }> }> {
    const { call, mine } = await this.reviewable(actor, applicationId);
    if (!actor.platformAdmin && !mine?.scores) throw new ForbiddenError('competitions.scoreFirst');
    const sheets = (await this.reviews.assignmentsOfApplication(applicationId)).filter((r) => r.scores);
    const totals = sheets.map((r) => weightedTotal(call.criteria, Object.fromEntries(r.scores!.map((s) => [s.criterionKey, s.score]))));
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return {
      reviews: sheets.length,
      weightedMean: totals.length ? round(totals.reduce((x, y) => x + y, 0) / totals.length) : 0,
      spread: totals.length ? round(Math.max(...totals) - Math.min(...totals)) : 0,
      // Anonymised: in a fixed order that is not the experts' (sorted by total).
      sheets: sheets.map((r, i) => ({ total: round(totals[i]), scores: r.scores! })).sort((x, y) => y.total - x.total),
    };
  }

  async submitScores(actor: Actor, input: SubmitScoresInput): Promise<NonNullable<ReviewAssignment['scores']>> {
    const app = await this.applications.byId(input.applicationId);
    const call = await this.calls.byId(app.callId);
    await this.permissions.assert(actor, call.communityId, 'competitions.review', P);
    const problems = scoreProblems(call.criteria, input.scores);
    if (problems.length) refuse(problems);
    if ((await this.reviews.hasConflict(app.id, actor.accountId!)) || (await this.applicationsRepo.isEditor(app.id, actor.accountId!))) throw new NotFoundError('Application', app.id);
    if (call.status !== 'OPEN' || !UNDER_REVIEW.includes(app.status)) throw new ConflictError('errors.competitions.notUnderReview', 'scoring is closed for this application');
    const scores = input.scores.map((s) => ({ criterionKey: s.criterionKey, score: s.score, comment: s.comment?.trim() || null }));
    const version = await this.applicationsRepo.latestVersionOf(app.id);
    await this.tx.run(async (tx) => {
      const mine = await this.reviews.lockAssignment(tx, app.id, actor.accountId!);
      if (!mine) throw new ForbiddenError('competitions.notAssigned');
      await this.reviews.saveScores(tx, app.id, actor.accountId!, scores, version);
      // That the expert scored, not what (the audit log is not the place to break blind scoring).
      await this.audit.record(tx, actor.toAudit(), { action: mine.scores ? 'competitions.score.resubmit' : 'competitions.score.submit', entityType: 'Application', entityId: app.id, communityId: call.communityId, after: { expert: actor.accountId, version } });
    });
    return scores;
  }

  /** The caller's own assignments on a call and their progress ("12 of 20 scored"). */
  async myAssignments(actor: Actor, callId: string): Promise<{ scored: number; total: number; items: Array<{ applicationId: string; title: string; directionKey: string; scored: boolean }> }> {
    const call = await this.calls.byId(callId);
    await this.permissions.assert(actor, call.communityId, 'competitions.review', P);
    const conflicts = new Set((await this.reviews.conflictsOfCall(call.id)).filter((c) => c.accountId === actor.accountId).map((c) => c.applicationId));
    const mine = (await this.reviews.assignmentsOfCall(call.id)).filter((r) => r.expertAccountId === actor.accountId && !conflicts.has(r.applicationId));
    const apps = new Map((await this.applicationsRepo.ofCall(call.id)).map((a) => [a.id, a]));
    const latest = await this.applicationsRepo.latestVersions(mine.map((r) => r.applicationId));
    const items = mine.map((r) => ({ applicationId: r.applicationId, title: apps.get(r.applicationId)!.title, directionKey: apps.get(r.applicationId)!.directionKey, scored: !!r.scores, outdated: !!r.scores && (r.scoredVersion ?? 0) < (latest.get(r.applicationId) ?? 0) }));
    return { scored: items.filter((i) => i.scored).length, total: items.length, items };
  }

  /**
   * The organisers' ranking: weighted mean, z-scores and spread per application, and each expert's
   * progress. An organiser who also sits on the committee reads it only once they scored all theirs.
   */
  async ranking(actor: Actor, callId: string): Promise<{ entries: Array<ApplicationAggregate & { title: string; directionKey: string; status: string }>; progress: Array<{ expertAccountId: string; scored: number; total: number }> }> {
    const call = await this.calls.byId(callId);
    await this.calls.assertManage(actor, call);
    const assignments = await this.reviews.assignmentsOfCall(call.id);
    if (!actor.platformAdmin && assignments.some((r) => r.expertAccountId === actor.accountId && !r.scores)) throw new ForbiddenError('competitions.scoreFirst');
    const conflicts = new Set((await this.reviews.conflictsOfCall(call.id)).map((c) => conflictKey(c.applicationId, c.accountId)));
    const counted = assignments.filter((r) => r.scores && !conflicts.has(conflictKey(r.applicationId, r.expertAccountId)));
    const agg = aggregate(call.criteria, counted.map((r) => ({ applicationId: r.applicationId, expertId: r.expertAccountId, scores: Object.fromEntries(r.scores!.map((s) => [s.criterionKey, s.score])) })));
    const apps = new Map((await this.applicationsRepo.ofCall(call.id)).map((a) => [a.id, a]));
    const progress = new Map<string, { expertAccountId: string; scored: number; total: number }>();
    for (const e of await this.reviews.experts(call.id)) progress.set(e.accountId, { expertAccountId: e.accountId, scored: 0, total: 0 });
    for (const r of assignments) {
      const p = progress.get(r.expertAccountId) ?? { expertAccountId: r.expertAccountId, scored: 0, total: 0 };
      p.total++;
      if (r.scores) p.scored++;
      progress.set(r.expertAccountId, p);
    }
    return { entries: agg.map((x) => ({ ...x, title: apps.get(x.applicationId)!.title, directionKey: apps.get(x.applicationId)!.directionKey, status: apps.get(x.applicationId)!.status })), progress: [...progress.values()] };
  }
}
