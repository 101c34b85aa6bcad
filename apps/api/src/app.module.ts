import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { actorFromAuthorization, AuthPlatformModule } from '@ashar/auth';
import { composeContexts, ContextManifest, CONTEXTS } from '@ashar/contexts';
import { DatabaseModule } from '@ashar/database';
import {
  createDocumentShapeCheck,
  createValidationPipe,
  formatGraphqlError,
  GraphqlExceptionFilter,
  LoaderRegistry,
  operationAllowlistPlugin,
  QueryLimits,
  queryLimitsPlugin,
  RequestContext,
  serviceUnavailablePlugin,
} from '@ashar/graphql';
import { isLocale, negotiateLocale } from '@ashar/i18n';
import { IdentityModule, MembershipService, SessionService } from '@ashar/identity';
import { AppConfig } from '@ashar/kernel';
import { QueueModule } from '@ashar/queue';
import { APP_LOGGER, RuntimeModule } from '@ashar/runtime';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { OnBehalfGuard } from './on-behalf.guard';

export interface ApiModuleOptions {
  /** Where schema.gql is written (the committed copy); false keeps it in memory (tests). */
  schemaFile: string | false;
  logSql?: (sql: string, runnerData?: Record<string, unknown>) => void;
  /** The contexts to serve (default: every context of `@ashar/contexts`; tests add throwaway ones). */
  contexts?: readonly ContextManifest[];
}

/** What a client is told to wait when PostgreSQL or Redis is unreachable (HTTP 503 Retry-After). */
const RETRY_AFTER_SECONDS = 5;

function queryLimits(config: AppConfig): QueryLimits {
  return {
    maxDepth: config.graphqlMaxDepth,
    maxComplexity: config.graphqlMaxComplexity,
    maxTokens: config.graphqlMaxTokens,
    maxFields: config.graphqlMaxFields,
    maxAliases: config.graphqlMaxAliases,
    maxRootFields: config.graphqlMaxRootFields,
    maxFragments: config.graphqlMaxFragments,
    maxFragmentSpreads: config.graphqlMaxFragmentSpreads,
  };
}

function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/** The API's composition root: platform modules, then one module per bounded context. */
@Module({})
export class ApiModule {
  /** `operationAllowlist`: SHA-256 of the operations allowed to run (production with the web client), or null for any. */
  static forRoot(config: AppConfig, opts: ApiModuleOptions, logger?: Logger, operationAllowlist: Set<string> | null = null): DynamicModule {
    const contexts = composeContexts(opts.contexts ?? CONTEXTS);
    return {
      module: ApiModule,
      imports: [
        RuntimeModule.forRoot(config, 'api', logger),
        DatabaseModule.forRoot(config.databaseUrl, { logSql: opts.logSql }),
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, schema: config.queueSchema, poolMax: config.queuePoolMax, prefix: config.redisPrefix, queues: contexts.queues }),
        AuthPlatformModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [MembershipService, GraphQLSchemaHost, APP_LOGGER, SessionService],
          useFactory: (memberships: MembershipService, schemaHost: GraphQLSchemaHost, log: Logger, sessions: SessionService) => {
            const limits = queryLimits(config);
            const checkShape = createDocumentShapeCheck(limits);
            const production = config.nodeEnv === 'production';
            return {
              autoSchemaFile: opts.schemaFile === false ? true : opts.schemaFile,
              sortSchema: true,
              path: '/graphql',
              playground: false,
              introspection: !production,
              // Introspection is off in production; "Did you mean ...?" would spell the schema out anyway.
              hideSchemaDetailsFromClientErrors: production,
              includeStacktraceInErrorResponses: false,
              formatError: (formatted, error) =>
                formatGraphqlError(formatted, error, {
                  log: (e) => log.error({ err: e }, 'unhandled GraphQL error'),
                  logUnavailable: (e) => log.error({ err: e }, 'dependency unavailable: answered 503'),
                  logClient: (e, code) => log.debug({ code, msg: e instanceof Error ? e.message : String(e) }, 'client GraphQL error'),
                  hideSuggestions: production,
                  retryAfterSeconds: RETRY_AFTER_SECONDS,
                }),
              // Batching stays off (Apollo refuses an array body with 400): one operation per HTTP request.
              allowBatchedHttpRequests: false,
              parseOptions: { maxTokens: limits.maxTokens },
              // Nest would reset every response with `data` to 200, hiding the 503 of an outage (no resolver
              // here sets extensions.http, so nothing else changes).
              preserveHttpStatusForExecutionErrors: false,
              plugins: [
                // Apollo's default cache-control plugin wraps every field's resolver to collect hints we never
                // set (HTTP caching is decided by our controllers): off, it no longer costs a wrapper per field.
                ApolloServerPluginCacheControlDisabled(),
                queryLimitsPlugin(() => schemaHost.schema, limits),
                serviceUnavailablePlugin(RETRY_AFTER_SECONDS),
                // Production with the web client: only the operations it was built with (README, Security).
                ...(operationAllowlist ? [operationAllowlistPlugin(operationAllowlist)] : []),
              ],
              context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
                // Before Apollo parses and validates: an oversized document costs no more than this scan.
                checkShape(req.method === 'GET' ? req.query?.query : (req.body as { query?: unknown } | undefined)?.query);
                const actor = await actorFromAuthorization(req.headers.authorization, config.jwtSecret, (id) => memberships.rolesOfAccount(id), (sid, id) => sessions.isLive(sid, id));
                const langHeader = req.headers['x-lang'];
                const locale = typeof langHeader === 'string' && isLocale(langHeader) ? langHeader : negotiateLocale(req.headers['accept-language']);
                return { req, res, actor, locale, loaders: new LoaderRegistry(), ip: clientIp(req) };
              },
            };
          },
        }),
        // One module per bounded context, from the manifest list.
        ...contexts.apiModules,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_GUARD, useClass: OnBehalfGuard },
      ],
    };
  }
}
