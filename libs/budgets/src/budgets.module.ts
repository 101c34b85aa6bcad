import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@ashar/identity';
import { CommunityService, TERRITORY_ENTITIES, TerritoryModule, TerritoryService } from '@ashar/territory';
import { ThreadsModule } from '@ashar/threads';
import { BUDGETS_ENTITIES } from './entities';
import { BudgetFilesController } from './http/budget-files.controller';
import { BudgetExportProcessor } from './jobs/budget-jobs.processors';
import { BudgetImportJob } from './jobs/budget-import.job';
import { BudgetClassificationResolver } from './resolvers/budget-classification.resolver';
import { BudgetCommentResolver, BudgetVersionCommentsResolver } from './resolvers/budget-comment.resolver';
import { BudgetTransactionResolver } from './resolvers/budget-transaction.resolver';
import { BudgetVersionResolver } from './resolvers/budget-version.resolver';
import { BudgetResolver } from './resolvers/budget.resolver';
import { BudgetMonitoringResolver, MonitoringNoteResolver, MonitoringReplyResolver } from './resolvers/monitoring-note.resolver';
import { ImportExportResolver } from './resolvers/import-export.resolver';
import { BudgetViewService } from './services/budget-view.service';
import { BudgetService } from './services/budget.service';
import { ClassificationService } from './services/classification.service';
import { ExecutionService } from './services/execution.service';
import { ExportService } from './services/export.service';
import { ImportService } from './services/import.service';
import { MonitoringService } from './services/monitoring.service';
import { DocumentService } from './services/document.service';
import { BudgetImportPipeline } from './services/budget-import.pipeline';
import { BudgetImportRepository } from './repositories/budget-import.repository';
import { BudgetImportWriterRepository } from './repositories/budget-import-writer.repository';
import { ImportMappingRepository } from './repositories/import-mapping.repository';
import { BudgetThreadsService } from './services/budget-threads.service';
import { BudgetThreadsQueries } from './repositories/budget-threads.queries';

const importParts = [BudgetImportRepository, BudgetImportWriterRepository, ImportMappingRepository, BudgetImportPipeline];

const services = [ClassificationService, BudgetService, BudgetViewService, ExecutionService, MonitoringService, ImportService, ExportService, DocumentService];

/** Budgets and spending (API side): documents, versions, lines, execution, monitoring, imports, exports. */
@Module({
  imports: [TypeOrmModule.forFeature(BUDGETS_ENTITIES), TerritoryModule, IdentityModule, ThreadsModule],
  controllers: [BudgetFilesController],
  providers: [
    ...services,
    ...importParts,
    BudgetThreadsService, BudgetThreadsQueries,
    BudgetResolver, BudgetVersionResolver, BudgetClassificationResolver, BudgetTransactionResolver,
    BudgetCommentResolver, BudgetVersionCommentsResolver, BudgetMonitoringResolver, MonitoringNoteResolver, MonitoringReplyResolver,
    ImportExportResolver,
  ],
  exports: services,
})
export class BudgetsModule {}

/** The worker side: the import job handler and the export processor. */
@Module({
  imports: [TypeOrmModule.forFeature([...BUDGETS_ENTITIES, ...TERRITORY_ENTITIES])],
  providers: [BudgetViewService, ...importParts, CommunityService, TerritoryService, BudgetImportJob, BudgetExportProcessor],
})
export class BudgetsJobsModule {}
