import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Community } from './entities/community.entity';
import { TerritorialUnit } from './entities/territorial-unit.entity';
import { CommunityResolver } from './resolvers/community.resolver';
import { TerritorialUnitResolver } from './resolvers/territorial-unit.resolver';
import { CommunityService } from './services/community.service';
import { TerritoryService } from './services/territory.service';
import { TerritoryReformService } from './services/territory-reform.service';
import { CommunitiesRepository } from './repositories/communities.repository';
import { TerritorialUnitsRepository } from './repositories/territorial-units.repository';

@Module({
  imports: [TypeOrmModule.forFeature([TerritorialUnit, Community])],
  providers: [TerritorialUnitsRepository, CommunitiesRepository, TerritoryService, CommunityService, TerritoryReformService, TerritorialUnitResolver, CommunityResolver],
  exports: [TerritoryService, CommunityService],
})
export class TerritoryModule {}

export const TERRITORY_ENTITIES = [TerritorialUnit, Community];
