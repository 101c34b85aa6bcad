import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Lang, RequestContext } from '@ashar/graphql';
import { pickLocalized } from '@ashar/i18n';
import { CommunityType } from '../dtos/community.type';
import { TerritorialUnitType } from '../dtos/territorial-unit.type';
import { Community } from '../entities/community.entity';
import { CommunityService } from '../services/community.service';
import { TerritoryService } from '../services/territory.service';
import { unitByIdLoader } from './territory.loaders';

/** A community's public face; membership fields are added by the identity context. */
@Resolver(() => CommunityType)
export class CommunityResolver {
  constructor(private readonly communities: CommunityService, private readonly territory: TerritoryService) {}

  @Query(() => CommunityType)
  community(@Args('id', { type: () => ID }) id: string) {
    return this.communities.byId(id);
  }

  @ResolveField(() => String)
  name(@Parent() c: Community, @Ctx() ctx: RequestContext, @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang) {
    return pickLocalized(c.names, lang ?? ctx.locale);
  }

  @ResolveField(() => TerritorialUnitType)
  unit(@Parent() c: Community, @Ctx() ctx: RequestContext) {
    return unitByIdLoader(ctx, this.territory).load(c.unitId);
  }
}
