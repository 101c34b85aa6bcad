import { RateLimitRule } from '@ashar/auth';

/**
 * Hiding and unhiding, per moderator account (writing messages is limited by each context's own
 * rule, `ThreadPolicy.writeLimit`). Sized for a moderator clearing a flood by hand; a script is
 * stopped within minutes.
 */
export const MODERATION_PER_ACCOUNT: RateLimitRule = { name: 'threads:moderate', limit: 120, windowSeconds: 10 * 60 };

/** The longest moderation reason (shown to the author). */
export const MAX_REASON_LENGTH = 500;
