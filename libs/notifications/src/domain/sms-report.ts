import { createHmac, timingSafeEqual } from 'crypto';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body under NOTIFY_SMS_REPORT_SECRET>`. */
export const SMS_REPORT_SIGNATURE_HEADER = 'x-ashar-signature';

export function signSmsReport(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of the signature header against the exact bytes received. */
export function verifySmsReportSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signSmsReport(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Final statuses as SMPP-style gateways (and the common HTTP ones) spell them. Intermediate ones (ACCEPTD,
 * ENROUTE, BUFFERED, SENT) are acknowledged and not stored: the row keeps only what finally happened.
 */
const DELIVERED = new Set(['DELIVRD', 'DELIVERED', 'DELIVERY_SUCCESS', 'SUCCESS']);
const FAILED = new Set(['UNDELIV', 'UNDELIVERED', 'UNDELIVERABLE', 'REJECTD', 'REJECTED', 'EXPIRED', 'DELETED', 'FAILED', 'ERROR']);
const INTERMEDIATE = new Set(['ACCEPTD', 'ACCEPTED', 'ENROUTE', 'BUFFERED', 'QUEUED', 'SENT', 'PENDING', 'UNKNOWN']);

export type SmsReportStatus = 'DELIVERED' | 'FAILED' | 'INTERMEDIATE';

export interface SmsReport {
  messageId: string;
  status: SmsReportStatus;
  rawStatus: string;
  at: Date | null;
}

/** The field that is wrong, for a BAD_USER_INPUT answer. */
export class SmsReportFormatError extends Error {
  constructor(readonly field: string) {
    super(`delivery report: bad ${field}`);
  }
}

/** `{ "messageId" (or "id"), "status", "at"? (ISO time) }` → a report, or the field that is wrong. */
export function parseSmsReport(body: unknown): SmsReport {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SmsReportFormatError('body');
  const b = body as Record<string, unknown>;
  const id = b.messageId ?? b.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0 || String(id).length > 200) throw new SmsReportFormatError('messageId');
  if (typeof b.status !== 'string' || b.status.length === 0 || b.status.length > 64) throw new SmsReportFormatError('status');
  const key = b.status.trim().toUpperCase();
  const status: SmsReportStatus | null = DELIVERED.has(key) ? 'DELIVERED' : FAILED.has(key) ? 'FAILED' : INTERMEDIATE.has(key) ? 'INTERMEDIATE' : null;
  if (!status) throw new SmsReportFormatError('status');
  let at: Date | null = null;
  if (b.at !== undefined && b.at !== null) {
    at = typeof b.at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(b.at) ? new Date(b.at) : null;
    if (!at || Number.isNaN(at.getTime())) throw new SmsReportFormatError('at');
  }
  return { messageId: String(id), status, rawStatus: b.status, at };
}

export interface SmsInbound {
  messageId: string;
  from: string;
  text: string;
  at: Date | null;
}

/** `{ "messageId" (or "id"), "from" (E.164), "text", "at"? }` → an inbound message, or the field that is wrong. */
export function parseSmsInbound(body: unknown): SmsInbound {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SmsReportFormatError('body');
  const b = body as Record<string, unknown>;
  const id = b.messageId ?? b.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0 || String(id).length > 200) throw new SmsReportFormatError('messageId');
  if (typeof b.from !== 'string' || !/^\+?[1-9]\d{6,14}$/.test(b.from)) throw new SmsReportFormatError('from');
  if (typeof b.text !== 'string' || b.text.length > 2000) throw new SmsReportFormatError('text');
  let at: Date | null = null;
  if (b.at !== undefined && b.at !== null) {
    at = typeof b.at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(b.at) ? new Date(b.at) : null;
    if (!at || Number.isNaN(at.getTime())) throw new SmsReportFormatError('at');
  }
  return { messageId: String(id), from: b.from.startsWith('+') ? b.from : `+${b.from}`, text: b.text, at };
}
