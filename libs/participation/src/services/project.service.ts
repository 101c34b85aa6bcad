import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { LineSpendingReader } from '@ashar/budgets';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { LinkProjectBudgetLineInput } from '../dtos/link-project-budget-line.input';
import { RecordProjectUpdateInput } from '../dtos/record-project-update.input';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { Project, PROJECT_STAGES } from '../entities/project.entity';
import { ProjectUpdate } from '../entities/project-update.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProjectsRepository } from '../repositories/projects.repository';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ParticipationNotices } from './participation-notices.service';
import { ProcessService } from './process.service';

export interface ImplementationSummary {
  promised: string;
  spent: string;
  projects: number;
  done: number;
}

const lineKeyOf = (p: Pick<Project, 'budgetId' | 'lineKey'>) => `${p.budgetId}/${p.lineKey}`;

/**
 * Implementation tracking: each winning proposal becomes a project when the process enters its
 * implementation phase (ProcessService.moveToPhase); organisers record its stage and progress (forward only) with a text for
 * residents, and link the budget line that pays it, so promised (the reviewed cost) and spent (the
 * line's spending records, read through budgets) are shown per project and per process.
 */
@Injectable()
export class ProjectService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly proposals: ProposalsRepository,
    private readonly processes: ProcessService,
    private readonly permissions: PermissionService,
    private readonly spending: LineSpendingReader,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notices: ParticipationNotices,
    private readonly relay: OutboxRelay,
  ) {}

  async ofProcess(actor: Actor, processId: string): Promise<Project[]> {
    const p = await this.processes.visible(actor, processId);
    return this.projects.ofProcess(p.id);
  }

  byProposals(ids: readonly string[]): Promise<Project[]> {
    return this.projects.byProposals(ids);
  }

  private async managed(actor: Actor, proposalId: string): Promise<{ project: Project; process: ParticipatoryProcess }> {
    const project = await this.projects.findById(uuidOrNotFound('Project', proposalId));
    if (!project) throw new NotFoundError('Project', proposalId);
    const process = await this.processes.visible(actor, project.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    return { project, process };
  }

  /** Stage forward (or the same), progress 0–100 (DONE is 100); published with its text, audited, subscribers told. */
  async recordUpdate(actor: Actor, input: RecordProjectUpdateInput): Promise<Project> {
    const { project, process } = await this.managed(actor, input.proposalId);
    if (input.stage === 'DONE' && input.progress !== 100) throw new InvalidInputError('input.progress', 'errors.participation.doneNeedsFull');
    await this.tx.run(async (tx) => {
      const locked = (await this.projects.lock(tx, project.proposalId))!;
      if (PROJECT_STAGES.indexOf(input.stage) < PROJECT_STAGES.indexOf(locked.stage)) throw new ConflictError('errors.participation.stageBackwards', `cannot move from ${locked.stage} to ${input.stage}`, { from: locked.stage, to: input.stage });
      const update = await this.projects.addUpdate(tx, { proposalId: project.proposalId, stage: input.stage, progress: input.progress, body: input.body, authorAccountId: actor.accountId! });
      await this.projects.update(tx, project.proposalId, { stage: input.stage, progress: input.progress });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.project.update', entityType: 'Project', entityId: project.proposalId, communityId: process.communityId, before: { stage: locked.stage, progress: locked.progress }, after: { stage: input.stage, progress: input.progress, updateId: update.id } });
      await this.notices.queue(tx, { event: 'progress', processId: process.id, updateId: update.id });
    });
    void this.relay.kick();
    return (await this.projects.findById(project.proposalId))!;
  }

  /** The expenditure line of a budget of the same community that pays the project; one line, one project. */
  async linkBudgetLine(actor: Actor, input: LinkProjectBudgetLineInput): Promise<Project> {
    const { project, process } = await this.managed(actor, input.proposalId);
    const line = await this.spending.lineOf(input.budgetId, input.lineKey);
    if (!line || line.communityId !== process.communityId) throw new InvalidInputError('input.lineKey', 'errors.participation.unknownBudgetLine');
    if (line.direction !== 'EXPENDITURE') throw new InvalidInputError('input.lineKey', 'errors.participation.notExpenditureLine');
    if (line.currency !== process.currency) throw new InvalidInputError('input.budgetId', 'errors.participation.currencyMismatch');
    await this.tx.run(async (tx) => {
      const locked = (await this.projects.lock(tx, project.proposalId))!;
      const taken = await this.projects.byLine(tx, input.budgetId, input.lineKey);
      if (taken && taken.proposalId !== project.proposalId) throw new ConflictError('errors.participation.lineTaken', 'the line already pays another project');
      await this.projects.update(tx, project.proposalId, { budgetId: input.budgetId, lineKey: input.lineKey });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.project.budgetLine', entityType: 'Project', entityId: project.proposalId, communityId: process.communityId, before: { budgetId: locked.budgetId, lineKey: locked.lineKey }, after: { budgetId: input.budgetId, lineKey: input.lineKey } });
    }).catch((e: unknown) => {
      // Two links of one line at once: the unique index decides; the loser hears what the check says.
      if ((e as { code?: string }).code === '23505') throw new ConflictError('errors.participation.lineTaken', 'the line already pays another project');
      throw e;
    });
    return (await this.projects.findById(project.proposalId))!;
  }

  /** Residents (members of the community) follow a project: notified of each update. */
  async subscribe(actor: Actor, proposalId: string, on: boolean): Promise<Project> {
    const project = await this.projects.findById(uuidOrNotFound('Project', proposalId));
    if (!project) throw new NotFoundError('Project', proposalId);
    const process = await this.processes.visible(actor, project.processId);
    await this.permissions.assert(actor, process.communityId, 'participation.propose', PARTICIPATION_PERMISSIONS);
    await this.tx.run((tx) => this.projects.subscribe(tx, project.proposalId, actor.accountId!, on));
    return project;
  }

  subscribedBy(actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    return actor.accountId ? this.projects.subscribedBy(actor.accountId, ids) : Promise.resolve(new Set());
  }

  updatesOf(ids: readonly string[]): Promise<ProjectUpdate[]> {
    return this.projects.updatesOf(ids);
  }

  /** Spent per project (minor units), from the spending records of its line; null when no line is linked. */
  async spentOf(projects: readonly Project[]): Promise<Array<string | null>> {
    const linked = projects.filter((p) => p.budgetId && p.lineKey).map((p) => ({ budgetId: p.budgetId!, lineKey: p.lineKey! }));
    const totals = await this.spending.spentOn(linked);
    return projects.map((p) => (p.budgetId && p.lineKey ? totals.get(lineKeyOf(p)) ?? '0' : null));
  }

  /** Promised versus spent over a process's projects. */
  async summary(processId: string): Promise<ImplementationSummary> {
    const projects = await this.projects.ofProcess(processId);
    const proposals = new Map((await this.proposals.ofProcess(processId)).map((p) => [p.id, p]));
    const spent = await this.spentOf(projects);
    let promised = 0n;
    let total = 0n;
    projects.forEach((p, i) => {
      const proposal = proposals.get(p.proposalId);
      promised += BigInt(proposal?.reviewedCost ?? proposal?.estimatedCost ?? '0');
      total += BigInt(spent[i] ?? '0');
    });
    return { promised: promised.toString(), spent: total.toString(), projects: projects.length, done: projects.filter((p) => p.stage === 'DONE').length };
  }
}


