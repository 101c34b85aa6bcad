import { OperationPolicy } from '@ashar/auth';

/** Who may call each notifications operation: only the recipient reads or marks its messages. */
export const NOTIFICATIONS_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.myNotifications', allow: 'authenticated', note: "the caller's own in-app messages only (filtered by account)" },
  { operation: 'Mutation.markNotificationRead', allow: 'authenticated', note: "the caller's own message only; another account's id answers NOT_FOUND (not even a platform admin)" },
  { operation: 'Query.myNotificationPreferences', allow: 'authenticated', note: "the caller's own choices only" },
  { operation: 'Mutation.setNotificationPreference', allow: 'authenticated', note: "the caller's own choice only; an unregistered kind is BAD_USER_INPUT" },
  { operation: 'Query.smsEstimate', allow: 'authenticated', note: 'pure arithmetic on the given text and the configured price; reads no stored data' },
  { operation: 'POST /api/notifications/sms/delivery-report', allow: 'public', note: "the SMS gateway's call: no session, the HMAC signature (NOTIFY_SMS_REPORT_SECRET) is the credential; unsigned is UNAUTHENTICATED, unknown ids NOT_FOUND" },
  { operation: 'POST /api/notifications/sms/inbound', allow: 'public', note: "the SMS gateway's call: no session, the HMAC signature (NOTIFY_SMS_REPORT_SECRET) is the credential; a repeated gateway id is acted on once" },
];
