import { RateLimitRule } from '@ashar/auth';

/**
 * SMS codes cost money and reach a person's phone, so they are limited three ways (Redis or PostgreSQL,
 * shared by replicas): per account (a person who mistyped asks again a few times), per number (nobody
 * floods a stranger's phone from many accounts) and per address, generous because a village meeting
 * verifies dozens of residents from one mobile network's address.
 */
export const PHONE_CODES_PER_ACCOUNT: RateLimitRule = { name: 'phonecode:account', limit: 5, windowSeconds: 3600 };
export const PHONE_CODES_PER_PHONE: RateLimitRule = { name: 'phonecode:phone', limit: 3, windowSeconds: 3600 };
export const PHONE_CODES_PER_ADDRESS: RateLimitRule = { name: 'phonecode:ip', limit: 60, windowSeconds: 3600 };
