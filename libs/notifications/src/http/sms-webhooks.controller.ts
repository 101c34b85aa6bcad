import { DomainError, httpErrorAnswer } from '@ashar/kernel';
import { Controller, Post, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SMS_REPORT_SIGNATURE_HEADER } from '../domain/sms-report';
import { SmsDeliveryReportService } from '../services/sms-delivery-report.service';

/**
 * The SMS gateway calls these (no session: the shared-secret HMAC signature is the credential).
 *   POST /api/notifications/sms/delivery-report   { messageId, status, at? }   200 { deliveryId, reportStatus, stored }
 */
@Controller('api/notifications/sms')
export class SmsWebhooksController {
  constructor(private readonly reports: SmsDeliveryReportService) {}

  @Post('delivery-report')
  async deliveryReport(@Req() req: RawBodyRequest<Request>, @Res() res: Response) {
    try {
      res.status(200).json(await this.reports.receive(req.rawBody, req.header(SMS_REPORT_SIGNATURE_HEADER), req.body));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const { status, body } = httpErrorAnswer(e);
      res.status(status).json(body);
    }
  }
}
