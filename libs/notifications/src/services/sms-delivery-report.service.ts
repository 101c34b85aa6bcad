import { Injectable } from '@nestjs/common';
import { AppConfig, DomainError, InvalidInputError, NotFoundError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { parseSmsReport, SmsReportFormatError, verifySmsReportSignature } from '../domain/sms-report';
import { NotificationDeliveriesRepository } from '../repositories/notification-deliveries.repository';

export interface SmsReportAnswer {
  deliveryId: string;
  reportStatus: 'DELIVERED' | 'FAILED' | null;
  stored: boolean;
}

/** Delivery reports from the SMS gateway: signed, matched by the gateway's message id, stored on the delivery. */
@Injectable()
export class SmsDeliveryReportService {
  constructor(
    private readonly deliveries: NotificationDeliveriesRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined, body: unknown): Promise<SmsReportAnswer> {
    const secret = this.config.notifications.smsPrice.reportSecret;
    // No secret configured: the route does not exist for anyone (nothing unsigned is ever accepted).
    if (!secret) throw new NotFoundError('Route');
    if (!rawBody || !verifySmsReportSignature(secret, rawBody, signature)) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'bad or missing delivery report signature');
    let report;
    try {
      report = parseSmsReport(body);
    } catch (e) {
      if (e instanceof SmsReportFormatError) throw new InvalidInputError(e.field, 'errors.validation.invalid');
      throw e;
    }
    const row = await this.deliveries.bySmsMessageId(report.messageId);
    if (!row) throw new NotFoundError('SMS delivery', report.messageId);
    if (report.status === 'INTERMEDIATE') return { deliveryId: row.id, reportStatus: row.reportStatus, stored: false };
    // Same report twice: same values written again (or an older one ignored), so a repeat changes nothing.
    const updated = await this.deliveries.recordReport(row.id, report.status, report.rawStatus, report.at ?? new Date());
    return { deliveryId: row.id, reportStatus: (updated ?? row).reportStatus, stored: !!updated };
  }
}
