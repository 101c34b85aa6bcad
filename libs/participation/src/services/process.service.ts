import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { InjectAppLogger } from '@ashar/runtime';
import type { Logger } from 'pino';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { rulesEditable } from '../domain/phases';
import { CreateProcessInput, ProcessRulesInput } from '../dtos/process.input';
import { ParticipatoryProcess, ProcessPhase } from '../entities/participatory-process.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProcessesRepository } from '../repositories/processes.repository';
import { PhaseTransitionService } from './phase-transition.service';

/** A community's participatory-budgeting processes: rules (frozen once voting opens) and phases. */
@Injectable()
export class ProcessService {
  constructor(
    private readonly processes: ProcessesRepository,
    private readonly communities: CommunityService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly transitions: PhaseTransitionService,
    @InjectAppLogger() private readonly logger: Logger,
  ) {}

  async byId(id: string): Promise<ParticipatoryProcess> {
    const p = await this.processes.findById(uuidOrNotFound('ParticipatoryProcess', id));
    if (!p) throw new NotFoundError('ParticipatoryProcess', id);
    return p;
  }

  /** Drafts are the organisers' own; from IDEAS on a process is public. */
  async visible(actor: Actor, id: string): Promise<ParticipatoryProcess> {
    const p = await this.byId(id);
    if (p.phase === 'DRAFT' && !(await this.permissions.can(actor, p.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS))) throw new NotFoundError('ParticipatoryProcess', id);
    return p;
  }

  canManage(actor: Actor, communityId: string): Promise<boolean> {
    return this.permissions.can(actor, communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
  }

  async ofCommunity(actor: Actor, communityId: string): Promise<ParticipatoryProcess[]> {
    const all = await this.processes.ofCommunity(uuidOrNotFound('Community', communityId));
    if (!all.some((p) => p.phase === 'DRAFT')) return all;
    const organiser = await this.permissions.can(actor, communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    return organiser ? all : all.filter((p) => p.phase !== 'DRAFT');
  }

  async create(actor: Actor, input: CreateProcessInput): Promise<ParticipatoryProcess> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const rules = checkedRules(input.rules);
    return this.tx.run(async (tx) => {
      const p = await this.processes.insert(tx, { communityId: community.id, title: input.title, description: input.description ?? {}, currency: input.currency, ...rules, phase: 'DRAFT', createdBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.process.create', entityType: 'ParticipatoryProcess', entityId: p.id, communityId: community.id, after: { title: input.title, currency: input.currency, ...rules } });
      return p;
    });
  }

  /** Rules change only before voting opens; a later attempt is refused (CONFLICT) and logged. */
  async updateRules(actor: Actor, processId: string, input: ProcessRulesInput): Promise<ParticipatoryProcess> {
    const p = await this.byId(processId);
    await this.permissions.assert(actor, p.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    const rules = checkedRules(input);
    await this.tx.run(async (tx) => {
      const locked = (await this.processes.lock(tx, p.id, 'update'))!;
      if (!rulesEditable(locked.phase)) {
        // Logged, not audited: a refused write changes no row (the audit chain records what happened).
        this.logger.warn({ event: 'participation.process.rulesRefused', processId: p.id, communityId: p.communityId, accountId: actor.accountId, phase: locked.phase, attempted: rules }, 'rules change refused: voting has opened');
        throw new ConflictError('errors.participation.rulesFrozen', 'the rules froze when voting opened');
      }
      await this.processes.update(tx, p.id, rules);
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.process.rules', entityType: 'ParticipatoryProcess', entityId: p.id, communityId: p.communityId, before: pickRules(locked), after: rules });
    });
    return this.byId(p.id);
  }

  /** Forward only. Opening the vote freezes the rules; closing it queues the count; participants are told (a queued notice). */
  async moveToPhase(actor: Actor, processId: string, phase: ProcessPhase): Promise<ParticipatoryProcess> {
    const p = await this.byId(processId);
    await this.permissions.assert(actor, p.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    await this.transitions.move(p.id, phase, actor.toAudit(), 'organiser');
    return this.byId(p.id);
  }
}

type Rules = Pick<ParticipatoryProcess, 'envelope' | 'ballotKind' | 'minChoices' | 'maxChoices' | 'maxPoints' | 'countingRule' | 'verification' | 'minAge'>;

function pickRules(p: ParticipatoryProcess): Rules {
  return { envelope: p.envelope, ballotKind: p.ballotKind, minChoices: p.minChoices, maxChoices: p.maxChoices, maxPoints: p.maxPoints, countingRule: p.countingRule, verification: p.verification, minAge: p.minAge };
}

/** What the input classes cannot say alone: combinations of fields. */
function checkedRules(r: ProcessRulesInput): Rules {
  const maxChoices = r.maxChoices ?? null;
  const minChoices = r.minChoices ?? 1;
  if (maxChoices !== null && maxChoices < minChoices) throw new InvalidInputError('input.rules.maxChoices', 'errors.participation.maxBelowMin');
  if (r.ballotKind === 'CUMULATIVE' && !r.maxPoints) throw new InvalidInputError('input.rules.maxPoints', 'errors.participation.pointsRequired');
  if (r.ballotKind !== 'CUMULATIVE' && r.maxPoints) throw new InvalidInputError('input.rules.maxPoints', 'errors.participation.pointsOnlyCumulative');
  if (r.ballotKind === 'RANKING' && r.countingRule === 'MES') throw new InvalidInputError('input.rules.countingRule', 'errors.participation.rankingNeedsBorda');
  return { envelope: r.envelope, ballotKind: r.ballotKind, minChoices, maxChoices, maxPoints: r.maxPoints ?? null, countingRule: r.countingRule, verification: r.verification, minAge: r.minAge ?? null };
}
