import { APP_TEST_ROLE } from '@ashar/database/testing';
import { AppConfig, loadConfig } from '@ashar/kernel';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The API and worker under test connect as the application's least-privileged login (a member of
 * ashar_app, owning nothing), as in a deployment: a feature that needs more than that fails its tests.
 * TEST_DB_ROLE=owner keeps the given (superuser) connection, for bisecting a privilege problem.
 */
export function asAppRole(databaseUrl: string): string {
  if (process.env.TEST_DB_ROLE === 'owner') return databaseUrl;
  const u = new URL(databaseUrl);
  u.username = APP_TEST_ROLE;
  u.password = APP_TEST_ROLE;
  return u.toString();
}

/** Configuration for an API or worker under test; argon2 kept cheap so tests stay fast. */
export function testConfig(databaseUrl: string, overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: asAppRole(databaseUrl),
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ARGON2_MEMORY_KIB: '4096',
    // Suites sign up many people from 127.0.0.1; identity-abuse.int.spec.ts tests the real defaults.
    SIGNUP_LIMITS: '1000/10000/10000/100000',
    ...overrides,
  });
}
