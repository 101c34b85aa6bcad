import { AppConfig, loadConfig } from '@ashar/kernel';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Configuration for an API or worker under test; argon2 kept cheap so tests stay fast. */
export function testConfig(databaseUrl: string, overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    ARGON2_MEMORY_KIB: '4096',
    // Suites sign up many people from 127.0.0.1; identity-abuse.int.spec.ts tests the real defaults.
    SIGNUP_LIMITS: '1000/10000/10000/100000',
    ...overrides,
  });
}
