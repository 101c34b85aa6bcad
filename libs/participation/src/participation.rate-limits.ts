import { RateLimitRule } from '@ashar/auth';

/**
 * Ballots per account (Redis, or PostgreSQL without Redis: across API replicas). A voter changes their
 * mind a few times; a script trying ballots is stopped. Per account only: a village meeting may vote
 * from one phone or one mobile network's address.
 */
export const BALLOTS_PER_ACCOUNT: RateLimitRule = { name: 'participation:ballot', limit: 20, windowSeconds: 10 * 60 };

/** Comments on proposals and projects per account (threads counts them once a message would be accepted). */
export const PROPOSAL_COMMENTS_PER_ACCOUNT: RateLimitRule = { name: 'participation:comment', limit: 30, windowSeconds: 10 * 60 };

/** Photo uploads per account (5 MB each at most). */
export const PHOTO_UPLOADS_PER_ACCOUNT: RateLimitRule = { name: 'participation:photo', limit: 40, windowSeconds: 10 * 60 };

/** Announcements per process (each may be thousands of paid SMS): a handful a day, never a flood by mistake. */
export const ANNOUNCEMENTS_PER_PROCESS: RateLimitRule = { name: 'participation:announcement', limit: 5, windowSeconds: 24 * 60 * 60 };
