import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerritoryModule } from '@ashar/territory';
import { BUDGETS_ENTITIES } from './entities';
import { BudgetResolver, BudgetVersionResolver, MonitoringNoteResolver } from './resolvers/budget.resolver';
import { BudgetViewService } from './services/budget-view.service';
import { BudgetService } from './services/budget.service';
import { ClassificationService } from './services/classification.service';
import { ExecutionService } from './services/execution.service';
import { MonitoringService } from './services/monitoring.service';

const services = [ClassificationService, BudgetService, BudgetViewService, ExecutionService, MonitoringService];

/** Budgets and spending (API side): documents, versions, lines, execution, monitoring, imports, exports. */
@Module({
  imports: [TypeOrmModule.forFeature(BUDGETS_ENTITIES), TerritoryModule],
  providers: [...services, BudgetResolver, BudgetVersionResolver, MonitoringNoteResolver],
  exports: services,
})
export class BudgetsModule {}
