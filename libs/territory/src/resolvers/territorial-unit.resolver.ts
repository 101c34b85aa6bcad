import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, groupByKeys, Lang, RequestContext } from '@ashar/graphql';
import { pickLocalized } from '@ashar/i18n';
import { Country } from '../domain/unit-level';
import { CommunityType } from '../dtos/community.type';
import { TerritorialUnitType } from '../dtos/territorial-unit.type';
import { TerritorialUnit } from '../entities/territorial-unit.entity';
import { CommunityService } from '../services/community.service';
import { TerritoryService } from '../services/territory.service';
import { TerritoryReformService } from '../services/territory-reform.service';
import { MergeTerritorialUnitsInput } from '../dtos/merge-territorial-units.input';
import { unitByIdLoader } from './territory.loaders';

/** Public: the administrative map is open data, no login needed. Relations go through DataLoaders. */
@Resolver(() => TerritorialUnitType)
export class TerritorialUnitResolver {
  constructor(
    private readonly territory: TerritoryService,
    private readonly communityService: CommunityService,
    private readonly reform: TerritoryReformService,
  ) {}

  @Mutation(() => TerritorialUnitType, { description: 'Platform admins: record a reform that merges units' })
  mergeTerritorialUnits(@CurrentActor() actor: Actor, @Args('input') input: MergeTerritorialUnitsInput) {
    return this.reform.merge(actor, input);
  }

  @Query(() => [TerritorialUnitType], { description: 'Top-level units (oblasts, regions, cities of republican significance)' })
  territoryRoots(@Args('country', { type: () => Country }) country: Country) {
    return this.territory.roots(country);
  }

  @Query(() => TerritorialUnitType)
  territorialUnit(@Args('code') code: string) {
    return this.territory.byCode(code);
  }

  @Query(() => [TerritorialUnitType])
  searchTerritory(
    @Args('query') query: string,
    @Args('country', { type: () => Country, nullable: true }) country: Country | null,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | null,
  ) {
    return this.territory.search(query, country ?? null, limit);
  }

  @ResolveField(() => String, { description: 'In the requested language, falling back to one that has a name' })
  name(@Parent() unit: TerritorialUnit, @Ctx() ctx: RequestContext, @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang) {
    return pickLocalized(unit.names, lang ?? ctx.locale);
  }

  @ResolveField(() => TerritorialUnitType, { nullable: true })
  parent(@Parent() unit: TerritorialUnit, @Ctx() ctx: RequestContext) {
    if (!unit.parentId) return null;
    return this.unitLoader(ctx).load(unit.parentId);
  }

  @ResolveField(() => TerritorialUnitType, { nullable: true })
  successor(@Parent() unit: TerritorialUnit, @Ctx() ctx: RequestContext) {
    if (!unit.successorId) return null;
    return this.unitLoader(ctx).load(unit.successorId);
  }

  @ResolveField(() => [TerritorialUnitType], { complexity: 10 })
  children(@Parent() unit: TerritorialUnit, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, TerritorialUnit[]>('territory.children', async (ids) => groupByKeys(ids, await this.territory.childrenOf(ids), (u) => u.parentId!))
      .load(unit.id);
  }

  @ResolveField(() => [TerritorialUnitType], { description: 'Root first' })
  ancestors(@Parent() unit: TerritorialUnit, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, TerritorialUnit[]>('territory.ancestors', async (ids) => {
        const map = await this.territory.ancestorsOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      })
      .load(unit.id);
  }

  @ResolveField(() => [CommunityType])
  communities(@Parent() unit: TerritorialUnit, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, CommunityType[]>('territory.communitiesByUnit', async (ids) => groupByKeys(ids, await this.communityService.byUnitIds(ids), (c) => c.unitId))
      .load(unit.id);
  }

  private unitLoader(ctx: RequestContext) {
    return unitByIdLoader(ctx, this.territory);
  }
}
