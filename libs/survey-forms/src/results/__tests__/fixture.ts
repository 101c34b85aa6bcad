import { SurveyForm } from '../../form';
import { ResultAnswerSet } from '../answer-set';

export const RESULTS_FORM: SurveyForm = {
  title: { ky: 'Санарип көндүмдөр', ru: 'Цифровые навыки' },
  formId: 'digital',
  version: '3',
  defaultLanguage: 'ky',
  languages: ['ky', 'ru', 'kk', 'en'],
  groups: [{ name: 'phone', label: { ky: 'Телефон', ru: 'Телефон' }, relevant: "${has_phone} = 'yes'" }],
  questions: [
    { name: 'age', type: 'integer', label: { ky: 'Жашыңыз', ru: 'Ваш возраст', kk: 'Жасыңыз', en: 'Your age' }, required: true },
    { name: 'has_phone', type: 'select_one', listName: 'yesno', label: { ky: 'Телефонуңуз барбы?', ru: 'Есть ли у вас телефон?', kk: 'Телефоныңыз бар ма?', en: 'Do you have a phone?' }, required: true },
    { name: 'apps', type: 'select_multiple', listName: 'apps', label: { ky: 'Колдонмолор', ru: 'Приложения', kk: 'Қосымшалар', en: 'Apps' }, group: 'phone' },
    { name: 'app_other', type: 'text', label: { ky: "Башка (кайсы? 'жазыңыз')", ru: 'Другое' }, group: 'phone', relevant: "selected(${apps}, 'other')" },
    { name: 'trust', type: 'range', range: { start: 1, end: 5, step: 1 }, label: { ky: 'Ишеним', ru: 'Доверие' } },
    { name: 'since', type: 'date', label: { ky: 'Качантан бери', ru: 'С какого времени' }, group: 'phone' },
    { name: 'spend', type: 'decimal', label: { ky: 'Чыгым, сом', ru: 'Расход, сом' } },
    { name: 'thanks', type: 'note', label: { ky: 'Рахмат' } },
  ],
  choices: {
    yesno: [{ name: 'yes', label: { ky: 'Ооба', ru: 'Да', kk: 'Иә', en: 'Yes' } }, { name: 'no', label: { ky: 'Жок', ru: 'Нет', kk: 'Жоқ', en: 'No' } }],
    apps: [
      { name: 'whatsapp', label: { ky: 'WhatsApp', ru: 'WhatsApp' } },
      { name: 'telegram', label: { ky: 'Telegram', ru: 'Telegram' } },
      { name: 'other', label: { ky: 'Башка', ru: 'Другое', kk: 'Басқа', en: 'Other' } },
    ],
  },
};

/**
 * 30 answer sets, written as groups of identical ones: village, gender, age group, how many, and
 * their answers. Hand counts (used by the tests):
 *   sets per village: ak 14, kara 12, tash 4; per gender: FEMALE 16, MALE 14; per age group: 15-29 16, 30-49 14.
 *   has_phone yes/no: ak 11/3, kara 7/5, tash 4/0; FEMALE 13/3, MALE 9/5; all 22/8.
 *   apps (the 22 with a phone): ak whatsapp 9, telegram 5, other 1; kara 5, 5, 0; tash 3, 2, 0; all 17, 12, 1.
 */
const GROUPS: Array<[string, 'FEMALE' | 'MALE', string, number, Record<string, unknown>]> = [
  ['ak', 'FEMALE', '15-29', 3, { has_phone: 'yes', apps: ['whatsapp', 'telegram'], trust: 4 }],
  ['ak', 'FEMALE', '15-29', 2, { has_phone: 'yes', apps: ['whatsapp'], trust: 4 }],
  ['ak', 'FEMALE', '30-49', 3, { has_phone: 'yes', apps: ['whatsapp'], trust: 4, since: '2019-05-01' }],
  ['ak', 'MALE', '15-29', 2, { has_phone: 'yes', apps: ['telegram'], trust: 2 }],
  ['ak', 'MALE', '30-49', 1, { has_phone: 'yes', apps: ['whatsapp', 'other'], app_other: 'IMO, "Одноклассники"', trust: 2, spend: 250.5 }],
  ['ak', 'MALE', '30-49', 3, { has_phone: 'no', trust: 2 }],
  ['kara', 'FEMALE', '15-29', 3, { has_phone: 'yes', apps: ['whatsapp', 'telegram'], trust: 4 }],
  ['kara', 'FEMALE', '30-49', 3, { has_phone: 'no', trust: 4 }],
  ['kara', 'MALE', '15-29', 2, { has_phone: 'yes', apps: ['whatsapp'], trust: 2 }],
  ['kara', 'MALE', '15-29', 2, { has_phone: 'yes', apps: ['telegram'], trust: 2 }],
  ['kara', 'MALE', '30-49', 2, { has_phone: 'no', trust: 2 }],
  ['tash', 'FEMALE', '15-29', 2, { has_phone: 'yes', apps: ['whatsapp'], trust: 4 }],
  ['tash', 'MALE', '30-49', 1, { has_phone: 'yes', apps: ['whatsapp', 'telegram'], trust: 2 }],
  ['tash', 'MALE', '30-49', 1, { has_phone: 'yes', apps: ['telegram'], trust: 2 }],
];

export const ANSWER_SETS: ResultAnswerSet[] = GROUPS.flatMap(([villageKey, gender, ageGroup, n, answers], g) =>
  Array.from({ length: n }, (_, k) => ({
    answers: { age: ageGroup === '15-29' ? 20 : 40, ...answers } as ResultAnswerSet['answers'],
    villageKey,
    gender,
    ageGroup,
    instanceId: `uuid:${g}-${k}`,
    formVersion: 3,
    interviewer: g % 2 ? 'Айгүл' : "O'Brien",
    consent: true,
  })),
);
