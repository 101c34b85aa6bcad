import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AddProcessCategoryInput } from '../dtos/add-process-category.input';
import { AddProcessDistrictInput } from '../dtos/add-process-district.input';
import { MergeProposalsInput } from '../dtos/merge-proposals.input';
import { ProcessType, ProposalType } from '../dtos/participation.types';
import { ProcessCategoryType, ProcessDistrictType } from '../dtos/process-places.types';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { ProcessCategory } from '../entities/process-category.entity';
import { ProcessDistrict } from '../entities/process-district.entity';
import { ProcessPlacesService } from '../services/process-places.service';
import { ProposalMergeService } from '../services/proposal-merge.service';

/** Districts and categories of a process, and merging duplicate proposals. */
@Resolver(() => ProcessType)
export class ProcessPlacesResolver {
  constructor(private readonly places: ProcessPlacesService, private readonly merges: ProposalMergeService) {}

  @Mutation(() => ProcessDistrictType, { description: 'Organisers, before voting opens: a district or village (optionally with its own envelope)' })
  addProcessDistrict(@CurrentActor() actor: Actor, @Args('input') input: AddProcessDistrictInput) {
    return this.places.addDistrict(actor, input);
  }

  @Mutation(() => ProcessCategoryType, { description: 'Organisers, before voting opens: a category of projects' })
  addProcessCategory(@CurrentActor() actor: Actor, @Args('input') input: AddProcessCategoryInput) {
    return this.places.addCategory(actor, input);
  }

  @Mutation(() => ProposalType, { description: 'Organisers, in the ideas or review phase: the duplicate becomes MERGED, its supports move to the kept proposal (returned)' })
  mergeProposals(@CurrentActor() actor: Actor, @Args('input') input: MergeProposalsInput) {
    return this.merges.merge(actor, input);
  }

  @ResolveField(() => [ProcessDistrictType])
  districts(@Parent() p: ParticipatoryProcess, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ProcessDistrict[]>('participation.districts', async (ids) => {
      const all = await this.places.districtsOf(ids);
      return ids.map((id) => all.filter((d) => d.processId === id));
    }).load(p.id);
  }

  @ResolveField(() => [ProcessCategoryType])
  categories(@Parent() p: ParticipatoryProcess, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ProcessCategory[]>('participation.categories', async (ids) => {
      const all = await this.places.categoriesOf(ids);
      return ids.map((id) => all.filter((d) => d.processId === id));
    }).load(p.id);
  }
}
