import { Injectable } from '@nestjs/common';
import type { Transaction } from '@ashar/database';
import type { NotificationParams } from '../entities/notification-delivery.entity';

/** An inbound SMS as a reply handler sees it (already stored once, not a STOP/START keyword). */
export interface SmsReplyMessage {
  inboundId: string;
  /** E.164. */
  from: string;
  text: string;
  receivedAt: Date;
  /**
   * Runs `work` inside a savepoint of the inbound transaction: if it throws, every write it made is undone
   * (and the error is rethrown), while the stored message and the answer the handler sends still commit.
   */
  attempt<T>(work: () => Promise<T>): Promise<T>;
}

/** What a handler did with a message: the action stored on it (≤ 16 characters) and the SMS answered. */
export interface SmsReplyOutcome {
  action: string;
  reply?: {
    templateKey: string;
    params: NotificationParams;
    locale: string | null;
    /** The account behind the phone, when known (the delivery row names it). */
    accountId: string | null;
  };
}

/** A context that reads replies (participation: votes by SMS). Null = not mine, the next handler is asked. */
export interface SmsReplyHandler {
  readonly name: string;
  handle(tx: Transaction, message: SmsReplyMessage): Promise<SmsReplyOutcome | null>;
}

/**
 * The seam between the inbound webhook and the contexts that act on replies. Notifications must not import
 * them (they import notifications), so they register a handler at start; one instance per application.
 */
@Injectable()
export class SmsReplyHandlers {
  private readonly handlers: SmsReplyHandler[] = [];

  register(handler: SmsReplyHandler): void {
    if (this.handlers.some((h) => h.name === handler.name)) return;
    this.handlers.push(handler);
  }

  list(): readonly SmsReplyHandler[] {
    return this.handlers;
  }
}
