import type { NotificationChannel } from '../entities/notification-delivery.entity';

/** What a provider sends: already rendered in the recipient's language. */
export interface OutgoingMessage {
  /** The delivery record's id: the reference (and idempotency key) the gateway receives. */
  deliveryId: string;
  channel: Exclude<NotificationChannel, 'in_app'>;
  to: string;
  subject: string;
  text: string;
}

export interface ProviderReceipt {
  providerMessageId: string | null;
}

/** One way out of the platform for email or SMS (a gateway, or the log in development). */
export interface NotificationProvider {
  readonly name: string;
  /** True when the gateway drops a repeated Idempotency-Key: an attempt with an unknown outcome may be repeated. */
  readonly idempotent: boolean;
  /** How long one `send` may take; a SENDING record older than this (plus a margin) was interrupted. */
  readonly timeoutMs: number;
  send(message: OutgoingMessage): Promise<ProviderReceipt>;
}

/** The gateway did not take the message and says so (5xx, 429, refused connection): try again later. */
export class TransientDeliveryError extends Error {
  override name = 'TransientDeliveryError';
}

/** The gateway refused the message for good (4xx, a bad address): retrying would fail the same way. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/**
 * The request reached the gateway but no answer came (timeout or reset after the body was sent): the
 * message may or may not have gone out. Repeated only when the provider is idempotent.
 */
export class AmbiguousDeliveryError extends Error {
  override name = 'AmbiguousDeliveryError';
}
