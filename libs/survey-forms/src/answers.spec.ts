import { checkAnswers } from './answers';
import { checkForm, SurveyForm } from './form';

export const FORM: SurveyForm = {
  title: { ky: 'Санарип көндүмдөр', ru: 'Цифровые навыки' },
  formId: 'digital',
  defaultLanguage: 'ky',
  languages: ['ky', 'ru'],
  groups: [
    { name: 'phone', label: { ky: 'Телефон' }, relevant: "${has_phone} = 'yes'" },
    { name: 'skills', label: { ky: 'Көндүмдөр' }, matrix: true, appearance: 'table-list', parent: 'phone' },
  ],
  questions: [
    { name: 'age', type: 'integer', label: { ky: 'Жашыңыз', ru: 'Ваш возраст' }, required: true, constraint: '. >= 14 and . <= 99', constraintMessage: { ky: '14төн 99га чейин', ru: 'От 14 до 99' } },
    { name: 'has_phone', type: 'select_one', listName: 'yesno', label: { ky: 'Телефонуңуз барбы?' }, required: true },
    { name: 'apps', type: 'select_multiple', listName: 'apps', label: { ky: 'Колдонмолор' }, group: 'phone', constraint: 'count-selected(.) <= 2' },
    { name: 'app_other', type: 'text', label: { ky: 'Башка' }, group: 'phone', relevant: "selected(${apps}, 'other')", required: true },
    { name: 'sk_pay', type: 'select_one', listName: 'level', label: { ky: 'Төлөм' }, group: 'skills' },
    { name: 'sk_gov', type: 'select_one', listName: 'level', label: { ky: 'Түндүк' }, group: 'skills' },
    { name: 'trust', type: 'range', range: { start: 1, end: 5, step: 1 }, label: { ky: 'Ишеним' } },
    { name: 'since', type: 'date', label: { ky: 'Качантан бери' } },
  ],
  choices: {
    yesno: [{ name: 'yes', label: { ky: 'Ооба', ru: 'Да' } }, { name: 'no', label: { ky: 'Жок', ru: 'Нет' } }],
    apps: [{ name: 'whatsapp', label: { ky: 'WhatsApp' } }, { name: 'telegram', label: { ky: 'Telegram' } }, { name: 'other', label: { ky: 'Башка' } }],
    level: [{ name: 'none', label: { ky: 'Жок' } }, { name: 'some', label: { ky: 'Бир аз' } }, { name: 'good', label: { ky: 'Жакшы' } }],
  },
};

describe('answer sets against their form', () => {
  it('the fixture form is well formed', () => expect(checkForm(FORM)).toEqual([]));

  it('skip logic: answers inside a group that is not relevant are dropped, and its required questions are not asked', () => {
    const r = checkAnswers(FORM, { age: 30, has_phone: 'no', apps: ['other'], sk_pay: 'good' });
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual({ age: 30, has_phone: 'no' });
    expect(r.asked).toEqual(['age', 'has_phone', 'trust', 'since']);
  });

  it('required, relevance inside a group and constraints with their message in the chosen language', () => {
    const r = checkAnswers(FORM, { age: 12, has_phone: 'yes', apps: ['other', 'telegram'] }, 'ru');
    expect(r.problems).toEqual([
      { path: 'answers.age', key: 'errors.surveys.constraint', message: 'От 14 до 99' },
      { path: 'answers.app_other', key: 'errors.surveys.required', message: undefined },
    ]);
    expect(checkAnswers(FORM, { age: 20, has_phone: 'yes', apps: ['whatsapp', 'telegram', 'other'], app_other: 'x' }).problems).toEqual([{ path: 'answers.apps', key: 'errors.surveys.constraint', message: undefined }]);
  });

  it('types, choices, scale steps and real dates', () => {
    const r = checkAnswers(FORM, { age: '30', has_phone: 'maybe', trust: 6, since: '2026-02-30', ghost: 1 });
    expect(r.problems.map((p) => [p.path, p.key])).toEqual([
      ['answers.ghost', 'errors.surveys.unknownQuestion'],
      ['answers.has_phone', 'errors.surveys.unknownChoice'],
      ['answers.trust', 'errors.surveys.outOfRange'],
      ['answers.since', 'errors.surveys.answerType'],
    ]);
    expect(checkAnswers(FORM, { age: 30, has_phone: 'yes', apps: 'whatsapp telegram', sk_pay: 'some', trust: 4, since: '2024-02-29' }).answers).toEqual({ age: 30, has_phone: 'yes', apps: ['whatsapp', 'telegram'], sk_pay: 'some', trust: 4, since: '2024-02-29' });
  });

  it('a form naming unknown fields, lists or a matrix of mixed lists is refused with paths', () => {
    const bad: SurveyForm = { ...FORM, questions: [...FORM.questions, { name: 'x', type: 'select_one', listName: 'nope', label: {}, relevant: '${ghost} = 1', group: 'skills' }] };
    expect(checkForm(bad).map((p) => [p.path, p.key])).toEqual([
      ['form.questions.8.listName', 'errors.surveys.unknownList'],
      ['form.questions.8.relevant', 'errors.surveys.unknownReference'],
      ['form.groups.1.matrix', 'errors.surveys.matrix'],
    ]);
  });
});
