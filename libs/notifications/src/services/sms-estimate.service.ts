import { Injectable } from '@nestjs/common';
import { Actor } from '@ashar/auth';
import { AppConfig, InvalidInputError, UnauthenticatedError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { SmsEstimate, smsEstimate } from '../domain/sms-cost';

/** Longest text estimated (ten concatenated UCS-2 parts and then some; gateways cap far lower). */
export const SMS_ESTIMATE_MAX_CHARACTERS = 1600;
export const SMS_ESTIMATE_MAX_RECIPIENTS = 1_000_000;

/** Segments and cost of a text before it is sent, at the configured price (NOTIFY_SMS_PRICE_PER_PART). */
@Injectable()
export class SmsEstimateService {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  estimate(actor: Actor, text: string, recipients: number): SmsEstimate {
    // Signed-in only: the price is the platform's contract with its gateway, not public information.
    if (!actor.accountId) throw new UnauthenticatedError();
    if (typeof text !== 'string' || Array.from(text).length > SMS_ESTIMATE_MAX_CHARACTERS) throw new InvalidInputError('text', 'errors.validation.invalid');
    if (!Number.isInteger(recipients) || recipients < 1 || recipients > SMS_ESTIMATE_MAX_RECIPIENTS) throw new InvalidInputError('recipients', 'errors.validation.invalid');
    return smsEstimate(text, recipients, this.config.notifications.smsPrice);
  }
}
