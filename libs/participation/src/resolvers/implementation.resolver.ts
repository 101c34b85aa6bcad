import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext, UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LinkProjectBudgetLineInput } from '../dtos/link-project-budget-line.input';
import { ImplementationSummaryType, ProjectType, ProjectUpdateType } from '../dtos/project.types';
import { ProcessType, ProposalType } from '../dtos/participation.types';
import { RecordProjectUpdateInput } from '../dtos/record-project-update.input';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { Project } from '../entities/project.entity';
import { ProjectUpdate } from '../entities/project-update.entity';
import { Proposal } from '../entities/proposal.entity';
import { ProposalsRepository } from '../repositories/proposals.repository';
import { ProjectService } from '../services/project.service';

/** Implementation tracking: projects, their updates, promised versus spent. Reads are public like the process. */
@Resolver(() => ProjectType)
export class ProjectResolver {
  constructor(private readonly projects: ProjectService, private readonly proposalsRepo: ProposalsRepository) {}

  @Mutation(() => ProjectType, { description: 'Organisers: a project’s stage (forward only) and progress, with a text for residents; subscribers are told' })
  recordProjectUpdate(@CurrentActor() actor: Actor, @Args('input') input: RecordProjectUpdateInput) {
    return this.projects.recordUpdate(actor, input);
  }

  @Mutation(() => ProjectType, { description: 'Organisers: the budget line that pays the project (its spending records are the project’s)' })
  linkProjectBudgetLine(@CurrentActor() actor: Actor, @Args('input') input: LinkProjectBudgetLineInput) {
    return this.projects.linkBudgetLine(actor, input);
  }

  @Mutation(() => ProjectType, { description: 'Residents follow (true) or stop following a project' })
  subscribeToProject(@CurrentActor() actor: Actor, @Args('proposalId', { type: () => ID }, UuidArg) proposalId: string, @Args('subscribe') subscribe: boolean) {
    return this.projects.subscribe(actor, proposalId, subscribe);
  }

  @ResolveField(() => String, { description: 'Promised: the reviewed cost (minor units)' })
  async promised(@Parent() p: Project, @Ctx() ctx: RequestContext) {
    const proposal = await ctx.loaders.get<string, Proposal | null>('participation.proposalById', async (ids) => {
      return Promise.all(ids.map((id) => this.proposalsRepo.findById(id)));
    }).load(p.proposalId);
    return proposal?.reviewedCost ?? proposal?.estimatedCost ?? '0';
  }

  @ResolveField(() => String, { nullable: true, description: 'Spent: the spending records of its budget line (minor units); null when no line is linked' })
  spent(@Parent() p: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, string | null>('participation.projectSpent', async (ids) => {
      const rows = new Map((await this.projects.byProposals(ids)).map((x) => [x.proposalId, x]));
      const found = ids.map((id) => rows.get(id)).filter((x): x is Project => !!x);
      const spent = new Map((await this.projects.spentOf(found)).map((v, i) => [found[i].proposalId, v]));
      return ids.map((id) => spent.get(id) ?? null);
    }).load(p.proposalId);
  }

  @ResolveField(() => [ProjectUpdateType], { description: 'Newest first' })
  updates(@Parent() p: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ProjectUpdate[]>('participation.projectUpdates', async (ids) => {
      const all = await this.projects.updatesOf(ids);
      return ids.map((id) => all.filter((u) => u.proposalId === id));
    }).load(p.proposalId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in resident follows it' })
  subscribedByMe(@Parent() p: Project, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, boolean>('participation.projectSubscribed', async (ids) => {
      const mine = await this.projects.subscribedBy(ctx.actor, ids);
      return ids.map((id) => mine.has(id));
    }).load(p.proposalId);
  }
}

@Resolver(() => ProcessType)
export class ProcessImplementationResolver {
  constructor(private readonly projects: ProjectService) {}

  @ResolveField('projects', () => [ProjectType], { description: 'The winning projects being built (from the implementation phase)' })
  projectsOf(@Parent() p: ParticipatoryProcess, @CurrentActor() actor: Actor) {
    return this.projects.ofProcess(actor, p.id);
  }

  @ResolveField(() => ImplementationSummaryType, { description: 'Promised versus spent over the winning projects' })
  implementation(@Parent() p: ParticipatoryProcess) {
    return this.projects.summary(p.id);
  }
}

@Resolver(() => ProposalType)
export class ProposalProjectResolver {
  constructor(private readonly projects: ProjectService) {}

  @ResolveField(() => ProjectType, { nullable: true, description: 'Its implementation, when it won' })
  project(@Parent() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, Project | null>('participation.projectOf', async (ids) => {
      const rows = new Map((await this.projects.byProposals(ids)).map((x) => [x.proposalId, x]));
      return ids.map((id) => rows.get(id) ?? null);
    }).load(p.id);
  }
}
