import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { actorFromAuthorization, AuthPlatformModule } from '@ashar/auth';
import { AuditModule } from '@ashar/audit';
import { BudgetsModule } from '@ashar/budgets';
import { DatabaseModule } from '@ashar/database';
import { createValidationPipe, formatGraphqlError, LoaderRegistry, queryLimitsPlugin, RequestContext } from '@ashar/graphql';
import { isLocale, negotiateLocale } from '@ashar/i18n';
import { IdentityModule, MembershipService, SessionService } from '@ashar/identity';
import { AppConfig } from '@ashar/kernel';
import { QueueModule } from '@ashar/queue';
import { APP_LOGGER, RuntimeModule } from '@ashar/runtime';
import { TerritoryModule } from '@ashar/territory';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { OnBehalfGuard } from './on-behalf.guard';

export interface ApiModuleOptions {
  /** Where schema.gql is written (the committed copy); false keeps it in memory (tests). */
  schemaFile: string | false;
  logSql?: (sql: string, runnerData?: Record<string, unknown>) => void;
}

function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/** The API's composition root: platform modules, then one module per bounded context. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, opts: ApiModuleOptions, logger?: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        RuntimeModule.forRoot(config, 'api', logger),
        DatabaseModule.forRoot(config.databaseUrl, { logSql: opts.logSql }),
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, schema: config.queueSchema, prefix: config.redisPrefix }),
        AuditModule,
        AuthPlatformModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [MembershipService, GraphQLSchemaHost, APP_LOGGER, SessionService],
          useFactory: (memberships: MembershipService, schemaHost: GraphQLSchemaHost, log: Logger, sessions: SessionService) => ({
            autoSchemaFile: opts.schemaFile === false ? true : opts.schemaFile,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: config.nodeEnv !== 'production',
            includeStacktraceInErrorResponses: false,
            formatError: (formatted, error) => formatGraphqlError(formatted, error, (e) => log.error({ err: e }, 'unhandled GraphQL error')),
            plugins: [queryLimitsPlugin(() => schemaHost.schema, config.graphqlMaxDepth, config.graphqlMaxComplexity)],
            context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
              const actor = await actorFromAuthorization(req.headers.authorization, config.jwtSecret, (id) => memberships.rolesOfAccount(id), (sid, id) => sessions.isLive(sid, id));
              const langHeader = req.headers['x-lang'];
              const locale = typeof langHeader === 'string' && isLocale(langHeader) ? langHeader : negotiateLocale(req.headers['accept-language']);
              return { req, res, actor, locale, loaders: new LoaderRegistry(), ip: clientIp(req) };
            },
          }),
        }),
        TerritoryModule,
        IdentityModule,
        BudgetsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: OnBehalfGuard },
      ],
    };
  }
}
