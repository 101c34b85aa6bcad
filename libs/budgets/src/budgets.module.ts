import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@ashar/identity';
import { TerritoryModule, TerritoryReadModule } from '@ashar/territory';
import { ThreadsModule } from '@ashar/threads';
import { BUDGETS_ENTITIES } from './entities';
import { BudgetFilesController } from './http/budget-files.controller';
import { BudgetExportJob } from './jobs/budget-export.job';
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
import { ExportRenderer } from './services/export.renderer';
import { ExportRunService } from './services/export-run.service';
import { BudgetClassificationsRepository } from './repositories/budget-classifications.repository';
import { BudgetDocumentsRepository } from './repositories/budget-documents.repository';
import { BudgetExportsRepository } from './repositories/budget-exports.repository';
import { BudgetTransactionsRepository } from './repositories/budget-transactions.repository';
import { BudgetVersionsRepository } from './repositories/budget-versions.repository';
import { BudgetViewQueries } from './repositories/budget-views.queries';
import { BudgetsRepository } from './repositories/budgets.repository';
import { MonitoringNotesRepository } from './repositories/monitoring-notes.repository';
import { BudgetImportPipeline } from './services/budget-import.pipeline';
import { BudgetImportRepository } from './repositories/budget-import.repository';
import { BudgetImportWriterRepository } from './repositories/budget-import-writer.repository';
import { ImportMappingRepository } from './repositories/import-mapping.repository';
import { BudgetImportUploadRepository } from './repositories/budget-import-upload.repository';
import { BudgetThreadsService } from './services/budget-threads.service';
import { BudgetThreadsQueries } from './repositories/budget-threads.queries';
import { TreasurySnapshotsRepository } from './repositories/treasury-snapshots.repository';

/** Every SQL statement of budgets is in one of these (repositories/). */
const repositories = [BudgetsRepository, BudgetVersionsRepository, BudgetTransactionsRepository, BudgetDocumentsRepository, BudgetExportsRepository, BudgetClassificationsRepository, BudgetViewQueries, MonitoringNotesRepository, BudgetThreadsQueries, TreasurySnapshotsRepository];
/** The import pipeline's budgets side: row schemas' writer, import records, saved mappings. */
const importParts = [BudgetImportRepository, BudgetImportWriterRepository, ImportMappingRepository, BudgetImportUploadRepository, BudgetImportPipeline];

const services = [ClassificationService, BudgetService, BudgetViewService, ExecutionService, MonitoringService, ImportService, ExportService, DocumentService];

/** Budgets and spending (API side): documents, versions, lines, execution, monitoring, imports, exports. */
@Module({
  imports: [TypeOrmModule.forFeature(BUDGETS_ENTITIES), TerritoryModule, IdentityModule, ThreadsModule],
  controllers: [BudgetFilesController],
  providers: [
    ...repositories,
    ...services,
    ExportRenderer,
    ...importParts,
    BudgetThreadsService,
    BudgetResolver, BudgetVersionResolver, BudgetClassificationResolver, BudgetTransactionResolver,
    BudgetCommentResolver, BudgetVersionCommentsResolver, BudgetMonitoringResolver, MonitoringNoteResolver, MonitoringReplyResolver,
    ImportExportResolver,
  ],
  exports: services,
})
export class BudgetsModule {}

/** The worker side: the import and export job handlers. */
@Module({
  imports: [TypeOrmModule.forFeature(BUDGETS_ENTITIES), TerritoryReadModule],
  providers: [...repositories, BudgetViewService, ExportRenderer, ExportRunService, ...importParts, BudgetImportJob, BudgetExportJob],
})
export class BudgetsJobsModule {}
