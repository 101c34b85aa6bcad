import { Ctx, Lang, LoaderRegistry, Loaders, RequestContext } from '@ashar/graphql';
import { isUuid } from '@ashar/kernel';
import { pickLocalized } from '@ashar/i18n';
import { TerritorialUnit, TerritoryService } from '@ashar/territory';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { VillageCellType } from '../dtos/participation.types';

/** Village names of the published turnout, read from territory in the reader's language (one query per request). */
@Resolver(() => VillageCellType)
export class ParticipationStatsResolver {
  constructor(private readonly territory: TerritoryService) {}

  @ResolveField(() => String, { nullable: true, description: 'The village’s name in `lang` (else the request’s language); null for UNKNOWN' })
  async name(@Parent() cell: VillageCellType, @Ctx() ctx: RequestContext, @Loaders() loaders: LoaderRegistry, @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang): Promise<string | null> {
    if (!isUuid(cell.key)) return null;
    const unit = await loaders
      .get<string, TerritorialUnit | null>('participation.villageUnit', async (ids) => {
        const units = await this.territory.byIds(ids);
        return ids.map((id) => units.find((u) => u.id === id) ?? null);
      })
      .load(cell.key);
    return unit ? pickLocalized(unit.names, lang ?? ctx.locale) : null;
  }
}
