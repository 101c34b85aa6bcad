import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseHealth } from './database-health';
import { TransactionModule } from './transaction';

/**
 * TypeORM for Nest. Each context registers its own entities with TypeOrmModule.forFeature;
 * autoLoadEntities collects them, so this module knows no context.
 */
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, options: { logSql?: (sql: string, runnerData?: Record<string, unknown>) => void } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(databaseUrl),
          autoLoadEntities: true,
          ...(options.logSql
            ? {
                logging: ['query'],
                logger: {
                  logQuery: (q: string, _params?: unknown[], runner?: { data?: Record<string, unknown> }) => options.logSql?.(q, runner?.data),
                  logQueryError: () => undefined,
                  logQuerySlow: () => undefined,
                  logSchemaBuild: () => undefined,
                  logMigration: () => undefined,
                  log: () => undefined,
                },
              }
            : {}),
        } as never),
        TransactionModule,
      ],
      providers: [DatabaseHealth],
      exports: [TransactionModule, DatabaseHealth],
    };
  }
}
