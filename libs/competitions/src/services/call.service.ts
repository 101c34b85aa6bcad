import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { Transaction, TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { COMPETITIONS_PERMISSIONS as P } from '../competitions.permissions';
import { formatInZone, isValidTimeZone, localToInstant } from '../domain/deadline';
import { FormDefinition, parseFormDefinition, Problem } from '../domain/form-definition';
import { CallDefinitionInput } from '../dtos/call-definition.input';
import { CreateCallInput } from '../dtos/create-call.input';
import { UpdateCallInput } from '../dtos/update-call.input';
import { CallStage } from '../entities/call-stage.entity';
import { CompetitionCall } from '../entities/competition-call.entity';
import { CallsRepository } from '../repositories/calls.repository';
import { refuse } from './problems';

/** A call as the API answers it: the call with its stages, deadlines in UTC and in the call's zone. */
export interface CallView extends CompetitionCall {
  stages: Array<{ number: number; name: CallStage['name']; deadlineAt: Date; timeZone: string; deadlineLocal: string; form: string; shortlistedOnly: boolean }>;
}

/** Calls for proposals: their definition (stages, forms, criteria), opening, visibility. */
@Injectable()
export class CallService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly communities: CommunityService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async byId(id: string): Promise<CompetitionCall> {
    const c = await this.calls.findById(uuidOrNotFound('CompetitionCall', id));
    if (!c) throw new NotFoundError('CompetitionCall', id);
    return c;
  }

  canManage(actor: Actor, communityId: string): Promise<boolean> {
    return this.permissions.can(actor, communityId, 'competitions.manage', P);
  }

  async assertManage(actor: Actor, call: CompetitionCall): Promise<void> {
    await this.permissions.assert(actor, call.communityId, 'competitions.manage', P);
  }

  /** Drafts are the organisers' own; an open call is public. */
  async visible(actor: Actor, id: string): Promise<CompetitionCall> {
    const c = await this.byId(id);
    if (c.status === 'DRAFT' && !(await this.canManage(actor, c.communityId))) throw new NotFoundError('CompetitionCall', id);
    return c;
  }

  async ofCommunity(actor: Actor, communityId: string): Promise<CompetitionCall[]> {
    const all = await this.calls.ofCommunity(uuidOrNotFound('Community', communityId));
    if (!all.some((c) => c.status === 'DRAFT')) return all;
    return (await this.canManage(actor, communityId)) ? all : all.filter((c) => c.status !== 'DRAFT');
  }

  /** The public list of calls: open and published ones of every community (drafts never). */
  publicList(): Promise<CompetitionCall[]> {
    return this.calls.published(200);
  }

  async view(c: CompetitionCall): Promise<CallView> {
    const stages = await this.calls.stages(c.id);
    return { ...c, stages: stages.map((s) => ({ number: s.number, name: s.name, deadlineAt: s.deadlineAt, timeZone: c.timeZone, deadlineLocal: formatInZone(s.deadlineAt, c.timeZone), form: JSON.stringify(s.form), shortlistedOnly: s.number > 1 })) };
  }

  /** Serialises automatic assignments of one call (two at once would both fill the same gaps). */
  async lockForAssignment(tx: Transaction, callId: string): Promise<void> {
    await this.calls.lock(tx, callId);
  }

  stages(callId: string): Promise<CallStage[]> {
    return this.calls.stages(callId);
  }

  async create(actor: Actor, input: CreateCallInput): Promise<CompetitionCall> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'competitions.manage', P);
    const { values, stages } = checkedDefinition(input);
    return this.tx.run(async (tx) => {
      const call = await this.calls.insert(tx, { ...values, communityId: community.id, status: 'DRAFT', createdBy: actor.accountId! }, stages);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.call.create', entityType: 'CompetitionCall', entityId: call.id, communityId: community.id, after: auditOf(values, stages) });
      return call;
    });
  }

  /** A draft's definition is replaced whole (its stages too); once open it no longer changes. */
  async update(actor: Actor, input: UpdateCallInput): Promise<CompetitionCall> {
    const c = await this.byId(input.callId);
    await this.assertManage(actor, c);
    const { values, stages } = checkedDefinition(input);
    await this.tx.run(async (tx) => {
      const locked = (await this.calls.lock(tx, c.id))!;
      if (locked.status !== 'DRAFT') throw new ConflictError('errors.competitions.callNotDraft', 'an open call no longer changes');
      const before = auditOf(locked, await this.calls.stages(c.id, tx));
      await this.calls.replace(tx, c.id, values, stages);
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.call.update', entityType: 'CompetitionCall', entityId: c.id, communityId: c.communityId, before, after: auditOf(values, stages) });
    });
    return this.byId(c.id);
  }

  /** DRAFT → OPEN: from now on applicants may start; the definition no longer changes. */
  async open(actor: Actor, callId: string): Promise<CompetitionCall> {
    const c = await this.byId(callId);
    await this.assertManage(actor, c);
    await this.tx.run(async (tx) => {
      const locked = (await this.calls.lock(tx, c.id))!;
      if (locked.status !== 'DRAFT') throw new ConflictError('errors.competitions.callNotDraft', 'the call is already open');
      await this.calls.update(tx, c.id, { status: 'OPEN' });
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.call.open', entityType: 'CompetitionCall', entityId: c.id, communityId: c.communityId, before: { status: 'DRAFT' }, after: { status: 'OPEN' } });
    });
    return this.byId(c.id);
  }

  async publishResults(actor: Actor, callId: string): Promise<CompetitionCall> {
    const c = await this.byId(callId);
    await this.assertManage(actor, c);
    await this.tx.run(async (tx) => {
      const locked = (await this.calls.lock(tx, c.id))!;
      if (locked.status !== 'OPEN') throw new ConflictError('errors.competitions.resultsNotPublishable', 'results are published once, from an open call');
      await this.calls.update(tx, c.id, { status: 'RESULTS_PUBLISHED', resultsPublishedAt: new Date() });
      await this.audit.record(tx, actor.toAudit(), { action: 'competitions.results.publish', entityType: 'CompetitionCall', entityId: c.id, communityId: c.communityId, before: { status: locked.status }, after: { status: 'RESULTS_PUBLISHED' } });
    });
    return this.byId(c.id);
  }
}

type StageValues = Array<{ number: number; name: CallStage['name']; deadlineAt: Date; form: FormDefinition }>;
type DefinitionValues = Pick<CompetitionCall, 'title' | 'summary' | 'currency' | 'grantCap' | 'maxDurationMonths' | 'timeZone' | 'languages' | 'applicantKinds' | 'directions' | 'criteria' | 'requiredDocuments' | 'anonymousReview'>;

/** What the input classes cannot say alone: the zone, unique keys, scales, deadlines in order, the forms. */
function checkedDefinition(input: CallDefinitionInput): { values: DefinitionValues; stages: StageValues } {
  // An escaped NUL inside a form's JSON text would reach jsonb, which refuses it.
  input.stages.forEach((s, i) => {
    if (s.form.includes('\\u0000')) throw new InvalidInputError(`input.stages.${i}.form`, 'errors.validation.invalidCharacters');
  });
  if (!isValidTimeZone(input.timeZone)) throw new InvalidInputError('input.timeZone', 'errors.competitions.timeZone');
  const problems: Problem[] = [];
  const unique = (keys: string[], path: string) => keys.forEach((k, i) => keys.indexOf(k) !== i && problems.push({ path: `${path}.${i}.key`, key: 'errors.competitions.duplicateKey' }));
  unique(input.directions.map((d) => d.key), 'input.directions');
  unique(input.criteria.map((c) => c.key), 'input.criteria');
  input.criteria.forEach((c, i) => c.max <= c.min && problems.push({ path: `input.criteria.${i}.max`, key: 'errors.competitions.scaleMaxBelowMin' }));
  const stages: StageValues = [];
  input.stages.forEach((s, i) => {
    const deadlineAt = localToInstant(s.deadlineLocal, input.timeZone);
    if (!deadlineAt) problems.push({ path: `input.stages.${i}.deadlineLocal`, key: 'errors.competitions.deadlineFormat' });
    else if (i > 0 && stages[i - 1] && deadlineAt <= stages[i - 1].deadlineAt) problems.push({ path: `input.stages.${i}.deadlineLocal`, key: 'errors.competitions.deadlinesInOrder' });
    const form = parseFormDefinition(s.form, `input.stages.${i}.form`);
    if (!form.ok) problems.push(...form.problems);
    if (deadlineAt && form.ok) stages.push({ number: i + 1, name: s.name, deadlineAt, form: form.value });
  });
  if (problems.length) refuse(problems);
  return {
    values: {
      title: input.title,
      summary: input.summary ?? {},
      currency: input.currency,
      grantCap: input.grantCap,
      maxDurationMonths: input.maxDurationMonths,
      timeZone: input.timeZone,
      languages: [...new Set(input.languages)],
      applicantKinds: [...new Set(input.applicantKinds)],
      directions: input.directions.map((d) => ({ key: d.key, name: d.name })),
      criteria: input.criteria.map((c) => ({ key: c.key, name: c.name, weight: c.weight, min: c.min, max: c.max })),
      requiredDocuments: input.requiredDocuments ?? [],
      anonymousReview: input.anonymousReview ?? false,
    },
    stages,
  };
}

function auditOf(v: DefinitionValues, stages: ReadonlyArray<Pick<CallStage, 'number' | 'deadlineAt'>>) {
  return { title: v.title, grantCap: v.grantCap, currency: v.currency, timeZone: v.timeZone, applicantKinds: v.applicantKinds, criteria: v.criteria.map((c) => ({ key: c.key, weight: c.weight, min: c.min, max: c.max })), stages: stages.map((s) => ({ number: s.number, deadlineAt: s.deadlineAt.toISOString() })) };
}
