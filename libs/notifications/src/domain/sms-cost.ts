import { SmsSegments, smsSegments } from '@ashar/kernel/sms';

export interface SmsPrice {
  perPartMinor: number;
  currency: string;
}

export interface SmsEstimate extends SmsSegments {
  recipients: number;
  pricePerPartMinor: number;
  /** parts × recipients × price, in minor units, as a decimal string (exact past 2^53). */
  costMinor: string;
  currency: string;
}

/** What one text costs sent to `recipients` people: every part is billed, for every recipient. */
export function smsEstimate(text: string, recipients: number, price: SmsPrice): SmsEstimate {
  const segments = smsSegments(text);
  const cost = BigInt(segments.parts) * BigInt(recipients) * BigInt(price.perPartMinor);
  return { ...segments, recipients, pricePerPartMinor: price.perPartMinor, costMinor: cost.toString(), currency: price.currency };
}
