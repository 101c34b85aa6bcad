import { DataSource } from 'typeorm';
import { CommunityService } from '../services/community.service';
import { TerritoryService } from '../services/territory.service';
import { CommunitiesRepository } from './communities.repository';
import { TerritorialUnitsRepository } from './territorial-units.repository';

/** Territory's services outside Nest (seeds and the CLI), on the caller's connection. */
export function territoryServicesOn(db: DataSource): { territory: TerritoryService; communities: CommunityService } {
  return { territory: new TerritoryService(new TerritorialUnitsRepository(db)), communities: new CommunityService(new CommunitiesRepository(db)) };
}
