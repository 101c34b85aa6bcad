import { byKeys, RequestContext } from '@ashar/graphql';
import { TerritorialUnit } from '../entities/territorial-unit.entity';
import { TerritoryService } from '../services/territory.service';

/** One loader per request for units by id, shared by every resolver that points at a unit. */
export function unitByIdLoader(ctx: RequestContext, territory: TerritoryService) {
  return ctx.loaders.get<string, TerritorialUnit | null>('territory.unitById', async (ids) =>
    byKeys(ids, await territory.byIds(ids), (u) => u.id),
  );
}
