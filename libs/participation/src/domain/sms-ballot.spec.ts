import { readSmsBallot, SMS_BALLOT_LETTERS, smsLabelOf } from './sms-ballot';

describe('readSmsBallot: the SMS ballot convention', () => {
  test('digits with spaces, commas and line breaks, in the order written', () => {
    expect(readSmsBallot('3 7 12')).toEqual({ kind: 'ballot', numbers: [3, 7, 12], written: ['3', '7', '12'] });
    expect(readSmsBallot(' 3,7, 12 ')).toMatchObject({ numbers: [3, 7, 12] });
    expect(readSmsBallot('3;7\n12.')).toMatchObject({ numbers: [3, 7, 12] });
    expect(readSmsBallot('12 3 7')).toMatchObject({ numbers: [12, 3, 7] });
    expect(readSmsBallot('03 +7')).toMatchObject({ numbers: [3, 7] });
  });

  test('Cyrillic list letters, any case; Latin look-alikes read as their Cyrillic twin', () => {
    expect(readSmsBallot('а в д')).toMatchObject({ kind: 'ballot', numbers: [1, 3, 5] });
    expect(readSmsBallot('К, Л')).toMatchObject({ numbers: [10, 11] });
    expect(readSmsBallot('Я')).toMatchObject({ numbers: [28] });
    // Latin B looks like Cyrillic В (3), not the second Latin letter.
    expect(readSmsBallot('A B c')).toMatchObject({ numbers: [1, 3, 17] });
    expect(readSmsBallot('2 В')).toMatchObject({ numbers: [2, 3] });
    expect(SMS_BALLOT_LETTERS).toHaveLength(28);
  });

  test('the leading word in ky, ru, kk, en is skipped', () => {
    for (const w of ['Добуш', 'ГОЛОС', 'дауыс', 'vote']) expect(readSmsBallot(`${w} 3 7`)).toMatchObject({ kind: 'ballot', numbers: [3, 7] });
  });

  test('typos name the first piece that cannot be read', () => {
    expect(readSmsBallot('3 7 1?2')).toEqual({ kind: 'typo', token: '1?2' });
    expect(readSmsBallot('3а 7')).toEqual({ kind: 'typo', token: '3А' });
    expect(readSmsBallot('37-12')).toEqual({ kind: 'typo', token: '37-12' });
    expect(readSmsBallot('0 5')).toEqual({ kind: 'typo', token: '0' });
    expect(readSmsBallot('АВ')).toEqual({ kind: 'notABallot' });
    expect(readSmsBallot('3 АВ')).toEqual({ kind: 'typo', token: 'АВ' });
  });

  test('letters that are not list labels are unknown, not guessed', () => {
    for (const l of ['Ё', 'Й', 'ы', 'ң', 'Ө', 'ү', 'Қ', 'Z', 'Q']) expect(readSmsBallot(`1 ${l}`)).toEqual({ kind: 'unknownLetter', token: l.toUpperCase() });
  });

  test('ordinary words are not ballots; very long lists are refused', () => {
    expect(readSmsBallot('салам')).toEqual({ kind: 'notABallot' });
    expect(readSmsBallot('Рахмат, жакшы')).toEqual({ kind: 'notABallot' });
    expect(readSmsBallot('')).toEqual({ kind: 'notABallot' });
    expect(readSmsBallot(Array.from({ length: 61 }, (_, i) => i + 1).join(' '))).toEqual({ kind: 'tooLong' });
  });

  test('labels: number and letter while there is one', () => {
    expect(smsLabelOf(3)).toBe('3/В');
    expect(smsLabelOf(29)).toBe('29');
  });
});
