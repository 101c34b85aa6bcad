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
  /** Size of the one pg pool all PostgreSQL-backed queues of a process share (QUEUE_PG_POOL_MAX). */
  queuePoolMax: number;
  /** Prefix of every Redis key (queues, rate limits): lets deployments or test runs share one Redis. */
  redisPrefix: string;
  jwtSecret: string;
  /**
   * Key of the ballots' pseudonyms (libs/participation): BALLOT_KEY; null = derived from JWT_SECRET there.
   * Never change it while a vote is open (a voter could then no longer find their ballot to change it).
   */
  ballotKey: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  webDist: string | null;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  /** Structural caps checked before a document is validated (see README, Configuration). */
  graphqlMaxTokens: number;
  graphqlMaxFields: number;
  graphqlMaxAliases: number;
  graphqlMaxRootFields: number;
  graphqlMaxFragments: number;
  graphqlMaxFragmentSpreads: number;
  /**
   * The allow-list of GraphQL operations (the web build's manifest); null = any operation. Default: on
   * in production when the web client is served (WEB_DIST/graphql-operations.json); "off" turns it off.
   */
  graphqlOperationsFile: string | null;
  argon2MemoryKiB: number;
  /**
   * Which peers may set X-Forwarded-For/-Proto (Express "trust proxy"): false (none, the default),
   * a hop count, or addresses/CIDRs and Express's names (loopback, linklocal, uniquelocal).
   */
  trustProxy: false | number | string[];
  /** HMAC key signing published audit anchors; null = anchors are published unsigned. */
  auditAnchorKey: string | null;
  /** Append-only file that receives every published audit anchor (one JSON line each); null = log only. */
  auditAnchorFile: string | null;
  /** How often the API publishes the audit chain head; 0 = only at start and shutdown. */
  auditAnchorIntervalMinutes: number;
  /** Sign-up limits (SIGNUP_LIMITS, "a/b/c/d"): per address per minute / per hour, all addresses per minute / per hour. */
  signupLimits: { perAddressPerMinute: number; perAddressPerHour: number; allPerMinute: number; allPerHour: number };
  /** How long a process trusts its cached answer "this session is not revoked" (another replica's log-out shows after at most this). */
  sessionCheckCacheSeconds: number;
  /**
   * Anonymous GraphQL reads answered from this process's memory for this long (PUBLIC_READ_CACHE_SECONDS;
   * default 3 in production, 0 = off, the default elsewhere so tests read their own writes at once).
   */
  publicReadCacheSeconds: number;
  /** How email and SMS notifications leave the platform (NOTIFY_EMAIL_* and NOTIFY_SMS_*, libs/notifications README). */
  notifications: { email: NotificationChannelConfig; sms: NotificationChannelConfig; smsPrice: SmsPriceConfig };
}

/** What one SMS part costs (NOTIFY_SMS_PRICE_PER_PART in minor units, NOTIFY_SMS_CURRENCY), recorded per delivery. */
export interface SmsPriceConfig {
  perPartMinor: number;
  currency: string;
  /** Shared secret the gateway signs delivery reports with (NOTIFY_SMS_REPORT_SECRET); null = the report route is off. */
  reportSecret: string | null;
}

/** One outgoing channel: logged only (development default), or POSTed to a gateway over HTTP. */
export interface NotificationChannelConfig {
  provider: 'log' | 'http';
  http: NotificationHttpConfig | null;
}

export interface NotificationHttpConfig {
  url: string;
  /** Header carrying the gateway credential (e.g. Authorization); the value comes from the environment only. */
  authHeaderName: string;
  authHeaderValue: string | null;
  /** JSON body with {{to}}, {{subject}}, {{text}}, {{id}} placeholders (filled JSON-escaped). */
  bodyTemplate: string;
  timeoutMs: number;
  /** Dot path of the gateway's message id in its JSON answer; null = none kept. */
  messageIdPath: string | null;
  /** The gateway drops a repeated Idempotency-Key, so an ambiguous timeout may be retried. */
  idempotent: boolean;
  /** Sender name or number (NOTIFY_<CH>_HTTP_SENDER; SMS: an alpha name of 1–11 letters/digits registered with the operator, or a number), filled as {{from}}. */
  sender: string | null;
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

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([12]?\d|3[0-2]))?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/(\d|[1-9]\d|1[01]\d|12[0-8]))?$/i;

/** TRUST_PROXY: unset/false = trust no one (X-Forwarded-For ignored); "true" is refused (anyone could spoof). */
function trustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY hop count must be between 0 and 10, got ${hops}`);
    return hops === 0 ? false : hops;
  }
  const items = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const item of items) {
    if (!PROXY_NAMES.has(item) && !IPV4.test(item) && !IPV6.test(item)) {
      throw new ConfigError(`TRUST_PROXY must be false, a hop count, or a comma list of addresses/CIDRs (or loopback, linklocal, uniquelocal), got "${item}"`);
    }
  }
  return items;
}

function operationsFile(env: Env, nodeEnv: AppConfig['nodeEnv']): string | null {
  const raw = (env.GRAPHQL_OPERATIONS_FILE ?? '').trim();
  if (raw === 'off') return null;
  if (raw) return raw;
  return nodeEnv === 'production' && env.WEB_DIST ? `${env.WEB_DIST.replace(/\/+$/, '')}/graphql-operations.json` : null;
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

const DEFAULT_BODIES = {
  sms: '{"to":"{{to}}","text":"{{text}}","reference":"{{id}}"}',
  email: '{"to":"{{to}}","subject":"{{subject}}","text":"{{text}}","reference":"{{id}}"}',
};

function notificationChannel(env: Env, channel: 'email' | 'sms'): NotificationChannelConfig {
  const prefix = `NOTIFY_${channel.toUpperCase()}`;
  const provider = env[`${prefix}_PROVIDER`] || 'log';
  if (provider !== 'log' && provider !== 'http') throw new ConfigError(`${prefix}_PROVIDER must be log or http, got "${provider}"`);
  if (provider === 'log') return { provider, http: null };
  const sender = env[`${prefix}_HTTP_SENDER`] || null;
  if (sender !== null && channel === 'sms' && !/^(?:[A-Za-z0-9 ._-]{1,11}|\+?\d{3,15})$/.test(sender)) throw new ConfigError(`${prefix}_HTTP_SENDER must be an alpha name of 1-11 letters/digits or a number, got "${sender}"`);
  if (sender !== null && sender.length > 200) throw new ConfigError(`${prefix}_HTTP_SENDER is too long`);
  // A configured sender joins the default body as "from"; a custom body places {{from}} itself.
  const bodyTemplate = env[`${prefix}_HTTP_BODY`] || (sender ? DEFAULT_BODIES[channel].replace('{"to"', '{"from":"{{from}}","to"') : DEFAULT_BODIES[channel]);
  if (!sender && bodyTemplate.includes('{{from}}')) throw new ConfigError(`${prefix}_HTTP_BODY uses {{from}} but ${prefix}_HTTP_SENDER is not set`);
  try {
    // Placeholders sit inside JSON strings, so the template must already be valid JSON.
    JSON.parse(bodyTemplate);
  } catch {
    throw new ConfigError(`${prefix}_HTTP_BODY must be a JSON document (placeholders {{to}} {{subject}} {{text}} {{id}} inside strings)`);
  }
  if (!env[`${prefix}_HTTP_URL`]) throw new ConfigError(`${prefix}_HTTP_URL is required when ${prefix}_PROVIDER=http`);
  const authHeaderName = env[`${prefix}_HTTP_AUTH_HEADER`] || 'Authorization';
  if (!/^[A-Za-z0-9-]+$/.test(authHeaderName)) throw new ConfigError(`${prefix}_HTTP_AUTH_HEADER must be a header name`);
  const idempotent = env[`${prefix}_HTTP_IDEMPOTENT`] ?? 'false';
  if (idempotent !== 'true' && idempotent !== 'false') throw new ConfigError(`${prefix}_HTTP_IDEMPOTENT must be true or false`);
  return {
    provider,
    http: {
      url: url(env, `${prefix}_HTTP_URL`, ['https:', 'http:'], true),
      authHeaderName,
      authHeaderValue: env[`${prefix}_HTTP_AUTH`] || null,
      bodyTemplate,
      timeoutMs: int(env, `${prefix}_HTTP_TIMEOUT_MS`, 10000, 100, 120000),
      messageIdPath: env[`${prefix}_HTTP_MESSAGE_ID_PATH`] === '' ? null : env[`${prefix}_HTTP_MESSAGE_ID_PATH`] ?? 'id',
      idempotent: idempotent === 'true',
      sender,
    },
  };
}

function smsPrice(env: Env): SmsPriceConfig {
  const currency = env.NOTIFY_SMS_CURRENCY || 'KGS';
  if (!/^[A-Z]{3}$/.test(currency)) throw new ConfigError(`NOTIFY_SMS_CURRENCY must be an ISO 4217 code such as KGS or KZT, got "${currency}"`);
  const reportSecret = env.NOTIFY_SMS_REPORT_SECRET || null;
  if (reportSecret !== null && reportSecret.length < 16) throw new ConfigError('NOTIFY_SMS_REPORT_SECRET must have at least 16 characters');
  return { perPartMinor: int(env, 'NOTIFY_SMS_PRICE_PER_PART', 0, 0, 1_000_000), currency, reportSecret };
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
  const auditAnchorKey = env.AUDIT_ANCHOR_KEY || null;
  const ballotKey = env.BALLOT_KEY || null;
  if (ballotKey !== null && ballotKey.length < 32) throw new ConfigError('BALLOT_KEY must be at least 32 random characters when set');
  if (auditAnchorKey !== null && auditAnchorKey.length < 32) throw new ConfigError('AUDIT_ANCHOR_KEY must be at least 32 random characters when set');
  return {
    nodeEnv,
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], true),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], false),
    queueSchema,
    queuePoolMax: int(env, 'QUEUE_PG_POOL_MAX', 10, 1, 100),
    redisPrefix: env.REDIS_PREFIX || 'ashar',
    jwtSecret,
    ballotKey,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    cookieSecure: (env.COOKIE_SECURE ?? (nodeEnv === 'production' ? 'true' : 'false')) === 'true',
    webDist: env.WEB_DIST || null,
    publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    logLevel,
    graphqlMaxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 50),
    graphqlMaxComplexity: int(env, 'GRAPHQL_MAX_COMPLEXITY', 2000, 10, 100000),
    graphqlMaxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 3000, 100, 100000),
    graphqlMaxFields: int(env, 'GRAPHQL_MAX_FIELDS', 500, 10, 10000),
    graphqlMaxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 1000),
    graphqlMaxRootFields: int(env, 'GRAPHQL_MAX_ROOT_FIELDS', 20, 1, 1000),
    graphqlMaxFragments: int(env, 'GRAPHQL_MAX_FRAGMENTS', 30, 0, 1000),
    graphqlMaxFragmentSpreads: int(env, 'GRAPHQL_MAX_FRAGMENT_SPREADS', 100, 0, 10000),
    graphqlOperationsFile: operationsFile(env, nodeEnv),
    argon2MemoryKiB: int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1048576),
    trustProxy: trustProxy(env.TRUST_PROXY),
    auditAnchorKey,
    auditAnchorFile: env.AUDIT_ANCHOR_FILE || null,
    auditAnchorIntervalMinutes: int(env, 'AUDIT_ANCHOR_INTERVAL_MINUTES', 10, 0, 1440),
    signupLimits: signupLimits(env),
    sessionCheckCacheSeconds: int(env, 'SESSION_CHECK_CACHE_SECONDS', 5, 0, 60),
    publicReadCacheSeconds: int(env, 'PUBLIC_READ_CACHE_SECONDS', nodeEnv === 'production' ? 3 : 0, 0, 300),
    notifications: { email: notificationChannel(env, 'email'), sms: notificationChannel(env, 'sms'), smsPrice: smsPrice(env) },
  };
}
