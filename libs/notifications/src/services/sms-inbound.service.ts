import { Injectable } from '@nestjs/common';
import { Transaction, TransactionRunner } from '@ashar/database';
import { AppConfig, DomainError, InvalidInputError, NotFoundError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { smsKeyword, SmsKeywordAction } from '../domain/sms-keywords';
import { parseSmsInbound, SmsReportFormatError, verifySmsReportSignature } from '../domain/sms-report';
import { SmsInboundRepository } from '../repositories/sms-inbound.repository';
import { NotificationService } from './notification.service';
import { SmsReplyHandlers, SmsReplyOutcome } from './sms-reply-handlers';

/** A copy of the same text from the same phone within this many seconds is the same message. */
export const SMS_INBOUND_DEDUPE_SECONDS = 120;

export interface SmsInboundAnswer {
  inboundId: string;
  /** OPT_OUT / OPT_IN (keywords), or what a reply handler did (participation: VOTE, VOTE_REFUSED), or null. */
  action: SmsKeywordAction | string | null;
  /** True when this gateway id was already received: nothing was done again. */
  duplicate: boolean;
}

/**
 * SMS people send to the platform: stored once per gateway id; STOP / стоп / токтот opt the phone out, START back in.
 * Any other text is offered to the registered reply handlers (votes by SMS) in the same transaction, so the
 * message, what it did and the SMS answering it are written together or not at all, and a replay does nothing again.
 */
@Injectable()
export class SmsInboundService {
  constructor(
    private readonly inbound: SmsInboundRepository,
    private readonly tx: TransactionRunner,
    @InjectConfig() private readonly config: AppConfig,
    private readonly handlers: SmsReplyHandlers,
    private readonly notifications: NotificationService,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined, body: unknown): Promise<SmsInboundAnswer> {
    const secret = this.config.notifications.smsPrice.reportSecret;
    if (!secret) throw new NotFoundError('Route');
    if (!rawBody || !verifySmsReportSignature(secret, rawBody, signature)) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'bad or missing inbound SMS signature');
    let msg;
    try {
      msg = parseSmsInbound(body);
    } catch (e) {
      if (e instanceof SmsReportFormatError) throw new InvalidInputError(e.field, 'errors.validation.invalid');
      throw e;
    }
    const action = smsKeyword(msg.text);
    const receivedAt = msg.at ?? new Date();
    const answer = await this.tx.run(async (tx): Promise<SmsInboundAnswer> => {
      const repeat = (await this.inbound.byGatewayId(tx, msg.messageId)) ?? (await this.inbound.recentSame(tx, msg.from, msg.text, receivedAt, SMS_INBOUND_DEDUPE_SECONDS));
      if (repeat) return { inboundId: repeat.id, action: repeat.action as SmsKeywordAction | null, duplicate: true };
      const id = await this.inbound.insertOnce(tx, { gatewayMessageId: msg.messageId, fromPhone: msg.from, text: msg.text, action, receivedAt });
      if (!id) {
        // The same gateway id committed by a parallel request after our look-up.
        const first = (await this.inbound.byGatewayId(tx, msg.messageId))!;
        return { inboundId: first.id, action: first.action as SmsKeywordAction | null, duplicate: true };
      }
      if (action === 'OPT_OUT') await this.inbound.optOut(tx, msg.from, id);
      if (action === 'OPT_IN') await this.inbound.optIn(tx, msg.from);
      if (action) return { inboundId: id, action, duplicate: false };
      const outcome = await this.offer(tx, { inboundId: id, from: msg.from, text: msg.text, receivedAt });
      if (!outcome) return { inboundId: id, action: null, duplicate: false };
      await this.inbound.setAction(tx, id, outcome.action);
      if (outcome.reply) {
        // No kind: the person wrote to us and is answered even after a STOP (the answer is about their own message).
        await this.notifications.send(tx, {
          recipient: { phone: msg.from, accountId: outcome.reply.accountId },
          channel: 'sms',
          templateKey: outcome.reply.templateKey,
          params: outcome.reply.params,
          locale: outcome.reply.locale,
          idempotencyKey: `sms-reply.${id}`,
        });
      }
      return { inboundId: id, action: outcome.action, duplicate: false };
    });
    if (!answer.duplicate) this.notifications.dispatchSoon();
    return answer;
  }

  /** The first handler that takes the message; each one's writes sit in a savepoint of their own. */
  private async offer(tx: Transaction, m: { inboundId: string; from: string; text: string; receivedAt: Date }): Promise<SmsReplyOutcome | null> {
    let n = 0;
    for (const h of this.handlers.list()) {
      const outcome = await h.handle(tx, { ...m, attempt: (work) => this.inbound.inSavepoint(tx, `sms_reply_${++n}`, work) });
      if (outcome) {
        if (outcome.action.length > 16) throw new Error(`SMS reply handler ${h.name}: action ${outcome.action} is longer than 16 characters`);
        return outcome;
      }
    }
    return null;
  }
}
