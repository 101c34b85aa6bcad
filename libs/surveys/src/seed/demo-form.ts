import type { SurveyForm } from '@ashar/survey-forms';

/**
 * The demo questionnaire (ILLUSTRATIVE): digital skills and access of rural women and young people, in
 * Kyrgyz and Russian. Used by the demo seed, the integration tests and the browser journey, so all three
 * fill the same form: skip logic (the phone questions only for those with a phone), a matrix, a scale,
 * a number with a constraint and its message, an optional text.
 */
export const DEMO_FORM: SurveyForm = {
  title: { ky: 'Санарип көндүмдөр жана мүмкүнчүлүктөр', ru: 'Цифровые навыки и доступ' },
  formId: 'digital_skills',
  version: '2026-12',
  defaultLanguage: 'ky',
  languages: ['ky', 'ru'],
  groups: [
    { name: 'phone', label: { ky: 'Телефон', ru: 'Телефон' }, relevant: "${has_phone} = 'yes'" },
    { name: 'skills', label: { ky: 'Сиз төмөнкүлөрдү канчалык жасай аласыз?', ru: 'Насколько вы умеете делать следующее?' }, matrix: true, appearance: 'table-list', parent: 'phone' },
  ],
  questions: [
    { name: 'has_phone', type: 'select_one', listName: 'yesno', label: { ky: 'Сизде мобилдик телефон барбы?', ru: 'У вас есть мобильный телефон?' }, required: true },
    { name: 'phone_kind', type: 'select_one', listName: 'phone_kind', label: { ky: 'Кандай телефон?', ru: 'Какой телефон?' }, group: 'phone', required: true },
    {
      name: 'hours',
      type: 'integer',
      label: { ky: 'Күнүнө интернетте канча саат отурасыз?', ru: 'Сколько часов в день вы проводите в интернете?' },
      group: 'phone',
      relevant: "${phone_kind} = 'smart'",
      constraint: '. >= 0 and . <= 24',
      constraintMessage: { ky: '0дөн 24кө чейинки сан жазыңыз', ru: 'Введите число от 0 до 24' },
    },
    { name: 'sk_msg', type: 'select_one', listName: 'level', label: { ky: 'Билдирүү жөнөтүү', ru: 'Отправить сообщение' }, group: 'skills' },
    { name: 'sk_pay', type: 'select_one', listName: 'level', label: { ky: 'Телефон менен төлөө', ru: 'Оплатить телефоном' }, group: 'skills' },
    { name: 'sk_gov', type: 'select_one', listName: 'level', label: { ky: 'Мамлекеттик кызматка кайрылуу', ru: 'Получить госуслугу онлайн' }, group: 'skills' },
    { name: 'uses', type: 'select_multiple', listName: 'uses', label: { ky: 'Интернетти эмне үчүн колдоносуз?', ru: 'Для чего вы пользуетесь интернетом?' }, hint: { ky: 'Бир нечени тандаса болот', ru: 'Можно выбрать несколько' }, group: 'phone' },
    { name: 'trust', type: 'range', range: { start: 1, end: 5, step: 1 }, label: { ky: 'Айыл өкмөтүнүн онлайн кызматтарына ишенесизби? (1–5)', ru: 'Доверяете ли вы онлайн-услугам айыл окмоту? (1–5)' }, required: true },
    { name: 'comment', type: 'text', label: { ky: 'Кошумча пикир', ru: 'Дополнительный комментарий' } },
  ],
  choices: {
    yesno: [
      { name: 'yes', label: { ky: 'Ооба', ru: 'Да' } },
      { name: 'no', label: { ky: 'Жок', ru: 'Нет' } },
    ],
    phone_kind: [
      { name: 'smart', label: { ky: 'Смартфон', ru: 'Смартфон' } },
      { name: 'basic', label: { ky: 'Жөнөкөй телефон', ru: 'Кнопочный телефон' } },
    ],
    level: [
      { name: 'none', label: { ky: 'Билбейм', ru: 'Не умею' } },
      { name: 'help', label: { ky: 'Жардам менен', ru: 'С помощью' } },
      { name: 'alone', label: { ky: 'Өзүм', ru: 'Сам(а)' } },
    ],
    uses: [
      { name: 'talk', label: { ky: 'Байланыш', ru: 'Общение' } },
      { name: 'news', label: { ky: 'Жаңылыктар', ru: 'Новости' } },
      { name: 'study', label: { ky: 'Окуу', ru: 'Учёба' } },
      { name: 'trade', label: { ky: 'Соода', ru: 'Торговля' } },
    ],
  },
};

export const DEMO_AGE_GROUPS = [
  { key: '16-29', min: 16, max: 29 },
  { key: '30-49', min: 30, max: 49 },
  { key: '50+', min: 50, max: 120 },
];

export const DEMO_CONSENT = {
  ky: 'Бул сурамжылоо жашыруун. Жоопторуңуз атыңыз менен жарыяланбайт, каалаган убакта токтото аласыз. Катышууга макулсузбу?',
  ru: 'Этот опрос анонимный. Ваши ответы не публикуются с вашим именем, вы можете прекратить в любой момент. Вы согласны участвовать?',
};

export const DEMO_TITLE = { ky: 'Айыл жаштарынын жана аялдарынын санарип көндүмдөрү', ru: 'Цифровые навыки сельской молодёжи и женщин' };
