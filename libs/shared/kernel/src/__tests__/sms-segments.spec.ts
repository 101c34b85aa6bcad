import { gsm7Septets, SMS_LIMITS, smsSegments } from '../sms-segments';

const a = (n: number) => 'a'.repeat(n);

describe('SMS segments (GSM 03.38)', () => {
  it('knows the whole default alphabet (127 characters, one septet each) and the extension table (two septets)', () => {
    const basic = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    expect(Array.from(basic)).toHaveLength(127);
    for (const ch of basic) expect(gsm7Septets(ch)).toBe(1);
    for (const ch of '\f^{}\\[~]|€') expect(gsm7Septets(ch)).toBe(2);
    // Look-alikes that are not GSM-7: lower-case Greek, ç, backtick, the Cyrillic letters.
    for (const ch of ['δ', 'ç', '`', 'а', 'ң', 'ө', 'ү', 'Ә', 'қ', '\t']) expect(gsm7Septets(ch)).toBeNull();
  });

  it('is GSM-7 up to 160 septets in one part and 153 per part beyond', () => {
    expect(smsSegments(a(160))).toEqual({ encoding: 'GSM-7', characters: 160, units: 160, parts: 1, perPart: 160, remainingInLastPart: 0, nonGsmCharacters: [] });
    expect(smsSegments(a(161))).toMatchObject({ units: 161, parts: 2, perPart: 153, remainingInLastPart: 145 });
    expect(smsSegments(a(306))).toMatchObject({ parts: 2, remainingInLastPart: 0 });
    expect(smsSegments(a(307))).toMatchObject({ parts: 3, remainingInLastPart: 152 });
    expect(smsSegments(a(1))).toMatchObject({ parts: 1, remainingInLastPart: 159 });
  });

  it('counts extension characters as two septets, and never cuts an escape pair across parts', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', characters: 80, units: 160, parts: 1 });
    expect(smsSegments(a(159) + '€')).toMatchObject({ characters: 160, units: 161, parts: 2 });
    expect(smsSegments(a(158) + '[')).toMatchObject({ units: 160, parts: 1, remainingInLastPart: 0 });
    // 306 septets would be two parts of 153, but the € cannot start in septet 153 of part one.
    expect(smsSegments(a(152) + '€' + a(152))).toMatchObject({ units: 306, parts: 3, remainingInLastPart: 152 });
    expect(smsSegments(a(151) + '€' + a(153))).toMatchObject({ units: 306, parts: 2, remainingInLastPart: 0 });
  });

  it('switches the whole message to UCS-2 for one Cyrillic letter, and names it', () => {
    const s = smsSegments('Vote: ' + a(50) + ' ж');
    expect(s).toMatchObject({ encoding: 'UCS-2', characters: 58, units: 58, parts: 1, perPart: 70, nonGsmCharacters: ['ж'] });
    expect(smsSegments('ңөүң ok').nonGsmCharacters).toEqual(['ң', 'ө', 'ү']);
  });

  it('is UCS-2 up to 70 units in one part and 67 per part beyond', () => {
    expect(smsSegments('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', units: 70, parts: 1, remainingInLastPart: 0 });
    expect(smsSegments('ж'.repeat(71))).toMatchObject({ parts: 2, perPart: 67, remainingInLastPart: 63 });
    expect(smsSegments('ж'.repeat(134))).toMatchObject({ parts: 2, remainingInLastPart: 0 });
    expect(smsSegments('ж'.repeat(135))).toMatchObject({ parts: 3 });
    // In UCS-2 the GSM extension characters are plain one-unit characters.
    expect(smsSegments('ж' + '€'.repeat(69))).toMatchObject({ units: 70, parts: 1 });
  });

  it('counts an emoji as one character but two units, and keeps a surrogate pair in one part', () => {
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', characters: 35, units: 70, parts: 1, nonGsmCharacters: ['😀'] });
    expect(smsSegments('😀'.repeat(36))).toMatchObject({ characters: 36, units: 72, parts: 2, remainingInLastPart: 61 });
    expect(smsSegments('ж' + '😀'.repeat(35))).toMatchObject({ units: 71, parts: 2, remainingInLastPart: 63 });
    // 134 units would be two parts of 67, but 33 pairs fill 66 units and the 34th does not fit.
    expect(smsSegments('😀'.repeat(67))).toMatchObject({ units: 134, parts: 3, remainingInLastPart: 65 });
  });

  it('counts real Kyrgyz and Russian notices as UCS-2 and a Latin one as GSM-7', () => {
    const ky = 'Добуш берүү башталды. Коду: 482913';
    expect(smsSegments(ky)).toMatchObject({ encoding: 'UCS-2', characters: ky.length, units: ky.length, parts: 1 });
    const ru = 'Голосование по бюджету участия открыто до 15 мая. Выберите до трёх проектов на сайте или ответьте на это сообщение номерами проектов.';
    expect(ru.length).toBe(133);
    expect(smsSegments(ru)).toMatchObject({ encoding: 'UCS-2', parts: 2, remainingInLastPart: 1 });
    expect(smsSegments('Your code: 482913. Valid 10 min.')).toMatchObject({ encoding: 'GSM-7', parts: 1 });
  });

  it('answers nothing to send for an empty text', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', characters: 0, units: 0, parts: 0, perPart: 160, remainingInLastPart: 160, nonGsmCharacters: [] });
    expect(SMS_LIMITS['UCS-2']).toEqual({ single: 70, multi: 67 });
  });
});
