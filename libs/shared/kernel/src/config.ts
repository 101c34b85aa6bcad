/**
 * Process configuration, read once from the environment and validated at start-up: a wrong or missing
 * setting stops the process with one clear line naming the variable (see README, "Configuration").
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  /** Unset: queues run on PostgreSQL (BullMQ's PostgreSQL backend), durable, no Redis needed. */
  redisUrl: string | null;
  queueSchema: string;
  /** Prefix of every Redis key (queues, rate limits): lets deployments or test runs share one Redis. */
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  webDist: string | null;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  argon2MemoryKiB: number;
  /** Sign-up limits (SIGNUP_LIMITS, "a/b/c/d"): per address per minute / per hour, all addresses per minute / per hour. */
  signupLimits: { perAddressPerMinute: number; perAddressPerHour: number; allPerMinute: number; allPerHour: number };
  /** How long a process trusts its cached answer "this session is not revoked" (another replica's log-out shows after at most this). */
  sessionCheckCacheSeconds: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: Env, name: string, protocols: string[], required: true): string;
function url(env: Env, name: string, protocols: string[], required: false): string | null;
function url(env: Env, name: string, protocols: string[], required: boolean): string | null {
  const raw = env[name];
  if (!raw) {
    if (required) throw new ConfigError(`${name} is required (e.g. ${protocols[0]}//user@127.0.0.1/db)`);
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

function signupLimits(env: Env): AppConfig['signupLimits'] {
  const raw = env.SIGNUP_LIMITS || '10/60/120/2000';
  const m = /^(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(raw);
  if (!m || m.slice(1).some((n) => Number(n) < 1)) {
    throw new ConfigError(`SIGNUP_LIMITS must be four positive whole numbers "per-address-minute/per-address-hour/all-minute/all-hour", got "${raw}"`);
  }
  const [perAddressPerMinute, perAddressPerHour, allPerMinute, allPerHour] = m.slice(1).map(Number);
  return { perAddressPerMinute, perAddressPerHour, allPerMinute, allPerHour };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be set to at least 32 random characters (npm start generates one)');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const queueSchema = env.QUEUE_SCHEMA ?? 'bullmq';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(queueSchema)) throw new ConfigError('QUEUE_SCHEMA must be a lower-case SQL identifier');
  const port = int(env, 'PORT', 3000, 0, 65535);
  return {
    nodeEnv,
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], true),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], false),
    queueSchema,
    redisPrefix: env.REDIS_PREFIX || 'ashar',
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    cookieSecure: (env.COOKIE_SECURE ?? (nodeEnv === 'production' ? 'true' : 'false')) === 'true',
    webDist: env.WEB_DIST || null,
    publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    logLevel,
    graphqlMaxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 50),
    graphqlMaxComplexity: int(env, 'GRAPHQL_MAX_COMPLEXITY', 2000, 10, 100000),
    argon2MemoryKiB: int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1048576),
    signupLimits: signupLimits(env),
    sessionCheckCacheSeconds: int(env, 'SESSION_CHECK_CACHE_SECONDS', 5, 0, 60),
  };
}
