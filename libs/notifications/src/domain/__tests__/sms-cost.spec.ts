import { smsEstimate } from '../sms-cost';

describe('SMS cost', () => {
  const price = { perPartMinor: 150, currency: 'KGS' };

  it('bills every part for every recipient, in minor units', () => {
    expect(smsEstimate('Your code: 482913', 1, price)).toMatchObject({ parts: 1, recipients: 1, costMinor: '150', currency: 'KGS', pricePerPartMinor: 150 });
    // 71 Cyrillic letters: two UCS-2 parts.
    expect(smsEstimate('ж'.repeat(71), 1000, price)).toMatchObject({ encoding: 'UCS-2', parts: 2, costMinor: '300000' });
  });

  it('costs nothing for an empty text or no recipients, and stays exact for large sends', () => {
    expect(smsEstimate('', 10, price).costMinor).toBe('0');
    expect(smsEstimate('a', 0, price).costMinor).toBe('0');
    expect(smsEstimate('a'.repeat(153 * 40), 1_000_000, { perPartMinor: 1_000_000, currency: 'KZT' }).costMinor).toBe('40000000000000');
  });
});
