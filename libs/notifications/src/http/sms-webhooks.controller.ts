import { DomainError, httpErrorAnswer } from '@ashar/kernel';
import { Controller, Post, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SMS_REPORT_SIGNATURE_HEADER } from '../domain/sms-report';
import { SmsDeliveryReportService } from '../services/sms-delivery-report.service';
import { SmsInboundService } from '../services/sms-inbound.service';

/**
 * The SMS gateway calls these (no session: the shared-secret HMAC signature is the credential).
 *   POST /api/notifications/sms/delivery-report   { messageId, status, at? }      200 { deliveryId, reportStatus, stored }
 *   POST /api/notifications/sms/inbound           { messageId, from, text, at? }  200 { inboundId, action, duplicate }
 */
@Controller('api/notifications/sms')
export class SmsWebhooksController {
  constructor(
    private readonly reports: SmsDeliveryReportService,
    private readonly inbound: SmsInboundService,
  ) {}

  @Post('delivery-report')
  deliveryReport(@Req() req: RawBodyRequest<Request>, @Res() res: Response) {
    return this.answer(res, () => this.reports.receive(req.rawBody, req.header(SMS_REPORT_SIGNATURE_HEADER), req.body));
  }

  @Post('inbound')
  inboundSms(@Req() req: RawBodyRequest<Request>, @Res() res: Response) {
    return this.answer(res, () => this.inbound.receive(req.rawBody, req.header(SMS_REPORT_SIGNATURE_HEADER), req.body));
  }

  private async answer(res: Response, fn: () => Promise<unknown>) {
    try {
      res.status(200).json(await fn());
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const { status, body } = httpErrorAnswer(e);
      res.status(status).json(body);
    }
  }
}
