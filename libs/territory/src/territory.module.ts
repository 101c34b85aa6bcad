import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Community } from './entities/community.entity';
import { TerritorialUnit } from './entities/territorial-unit.entity';
import { CommunitiesRepository } from './repositories/communities.repository';
import { TerritorialUnitsRepository } from './repositories/territorial-units.repository';
import { CommunityResolver } from './resolvers/community.resolver';
import { TerritorialUnitResolver } from './resolvers/territorial-unit.resolver';
import { CommunityService } from './services/community.service';
import { TerritoryReformService } from './services/territory-reform.service';
import { TerritoryService } from './services/territory.service';

export const TERRITORY_ENTITIES = [TerritorialUnit, Community];

/** What other contexts read (units, communities, where a community is): no resolvers, no writes but `CommunityService.create`. Also for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature(TERRITORY_ENTITIES)],
  providers: [TerritorialUnitsRepository, CommunitiesRepository, TerritoryService, CommunityService],
  exports: [TerritoryService, CommunityService],
})
export class TerritoryReadModule {}

/** The API side: the read module plus the public GraphQL map and reforms. */
@Module({
  imports: [TerritoryReadModule, TypeOrmModule.forFeature(TERRITORY_ENTITIES)],
  providers: [TerritorialUnitsRepository, TerritoryReformService, TerritorialUnitResolver, CommunityResolver],
  exports: [TerritoryReadModule],
})
export class TerritoryModule {}
