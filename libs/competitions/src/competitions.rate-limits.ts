import { RateLimitRule } from '@ashar/auth';

/**
 * Per-account limit on files uploaded to applications, counted in Redis (or PostgreSQL without Redis),
 * so it holds across API replicas. Sized for real use: an applicant attaching a few letters and scans
 * to each of several applications, with retries on a village connection; a script that fills the
 * database with 10 MB bodies is stopped within the hour. Counted after the permission check and before
 * one byte of the body is read.
 */
export const FILE_UPLOADS_PER_ACCOUNT: RateLimitRule = { name: 'competitions:upload', limit: 60, windowSeconds: 3600 };
