import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@ashar/database';
import { AppConfig, DomainError, InvalidInputError, NotFoundError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { smsKeyword, SmsKeywordAction } from '../domain/sms-keywords';
import { parseSmsInbound, SmsReportFormatError, verifySmsReportSignature } from '../domain/sms-report';
import { SmsInboundRepository } from '../repositories/sms-inbound.repository';

/** A copy of the same text from the same phone within this many seconds is the same message. */
export const SMS_INBOUND_DEDUPE_SECONDS = 120;

export interface SmsInboundAnswer {
  inboundId: string;
  action: SmsKeywordAction | null;
  /** True when this gateway id was already received: nothing was done again. */
  duplicate: boolean;
}

/** SMS people send to the platform: stored once per gateway id; STOP / стоп / токтот opt the phone out, START back in. */
@Injectable()
export class SmsInboundService {
  constructor(
    private readonly inbound: SmsInboundRepository,
    private readonly tx: TransactionRunner,
    @InjectConfig() private readonly config: AppConfig,
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
    return this.tx.run(async (tx) => {
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
      return { inboundId: id, action, duplicate: false };
    });
  }
}
