import { RateLimitRule } from '@ashar/auth';

/**
 * Per-account limits on what a resident or budget-group member writes, counted in Redis (or
 * PostgreSQL without Redis), so they hold across API replicas. Sized for real use: a hearing where a
 * resident comments line by line, a budget-group member photographing a month of receipts; a script
 * that floods is stopped within minutes.
 */
export const COMMENTS_PER_ACCOUNT: RateLimitRule = { name: 'budget:comment', limit: 30, windowSeconds: 10 * 60 };
export const REPLIES_PER_ACCOUNT: RateLimitRule = { name: 'budget:reply', limit: 60, windowSeconds: 10 * 60 };
export const DOCUMENT_UPLOADS_PER_ACCOUNT: RateLimitRule = { name: 'budget:upload', limit: 200, windowSeconds: 3600 };
