import { smsKeyword } from '../sms-keywords';

describe('SMS opt-out keywords', () => {
  it('opts out on STOP in Latin, Russian, Kyrgyz and Kazakh, whatever the case, spaces and punctuation', () => {
    for (const t of ['STOP', 'stop', ' Stop! ', 'стоп', 'СТОП.', 'токтот', 'Токтотуу', 'тоқтат', 'отписаться', 'S T O P']) expect(smsKeyword(t)).toBe('OPT_OUT');
  });

  it('opts back in on START', () => {
    for (const t of ['START', 'start', 'старт', 'башта', 'Бастау!']) expect(smsKeyword(t)).toBe('OPT_IN');
  });

  it('is nothing when the keyword is only part of the message (a vote, a question)', () => {
    for (const t of ['3 7 12', 'не стоп, голосую 3 7', 'stop sending me results please', 'стопка', '', 'токтотпо']) expect(smsKeyword(t)).toBeNull();
  });
});
