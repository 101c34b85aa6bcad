import ExcelJS from 'exceljs';

/**
 * A questionnaire written the way KoboToolbox's form builder exports it: metadata rows (start, end),
 * `label::…` columns per language with the language's own name, `required` as true/false (one typed
 * as a real boolean cell), Kobo's `$kuid`/`$autoname` bookkeeping columns, a `table-list` group, and
 * cells of every kind people leave in a spreadsheet: numbers, rich text, a formula with its cached
 * value, a hyperlink.
 */
export const KOBO_SURVEY: ExcelJS.CellValue[][] = [
  ['type', 'name', 'label::Кыргызча (ky)', 'label::Русский (ru)', 'hint::Кыргызча (ky)', 'hint::Русский (ru)', 'required', 'relevant', 'constraint', 'constraint_message::Кыргызча (ky)', 'constraint_message::Русский (ru)', 'appearance', 'parameters', '$kuid', '$autoname'],
  ['start', 'start', null, null, null, null, null, null, null, null, null, null, null, 'k1', 'start'],
  ['end', 'end', null, null, null, null, null, null, null, null, null, null, null, 'k2', 'end'],
  ['integer', 'age', 'Жашыңыз канчада?', 'Сколько вам лет?', null, null, 'true', null, '. >= 14 and . <= 99', '14төн 99га чейин', 'От 14 до 99', null, null, 'k3', 'age'],
  ['select_one yesno', 'has_phone', { richText: [{ text: 'Телефонуңуз ' }, { text: 'барбы', font: { bold: true } }, { text: '?' }] }, 'Есть ли у вас телефон?', null, null, true, null, null, null, null, 'minimal', null, 'k4', 'has_phone'],
  ['begin_group', 'phone', 'Телефон', 'Телефон', null, null, null, "${has_phone} = 'yes'", null, null, null, null, null, 'k5', 'phone'],
  ['select_multiple apps', 'apps', 'Кайсы колдонмолорду колдоносуз?', 'Какими приложениями пользуетесь?', 'Экиден көп эмес', 'Не больше двух', 'false', null, 'count-selected(.) <= 2', null, null, null, null, 'k6', 'apps'],
  ['text', 'app_other', 'Башка колдонмо', 'Другое приложение', null, null, 'true', "selected(${apps}, 'other')", null, null, null, null, null, 'k7', 'app_other'],
  ['begin_group', 'skills', 'Көндүмдөр', 'Навыки', null, null, null, null, null, null, null, 'table-list', null, 'k8', 'skills'],
  ['select_one level', 'sk_pay', 'Төлөм жасоо', 'Оплата онлайн', null, null, null, null, null, null, null, null, null, 'k9', 'sk_pay'],
  ['select_one level', 'sk_gov', 'Түндүк аркылуу кызмат', 'Услуги через Тундук', null, null, null, null, null, null, null, null, null, 'k10', 'sk_gov'],
  ['end_group', null, null, null, null, null, null, null, null, null, null, null, null, 'k11', null],
  ['end_group', null, null, null, null, null, null, null, null, null, null, null, null, 'k12', null],
  ['range', 'trust', 'Айыл өкмөтүнө ишеним', 'Доверие айыл окмоту', '1 – такыр жок, 5 – толук', '1 – совсем нет, 5 – полностью', null, null, null, null, null, null, 'start=1 end=5 step=1', 'k13', 'trust'],
  ['date', 'since', 'Качантан бери интернет колдоносуз?', 'С какого времени пользуетесь интернетом?', null, null, null, "${has_phone} = 'yes'", null, null, null, null, null, 'k14', 'since'],
  ['decimal', 'spend', 'Айына байланышка канча сом?', 'Сколько сомов в месяц на связь?', null, null, null, null, '. >= 0', null, null, null, null, 'k15', 'spend'],
  ['note', 'thanks', { text: 'Рахмат! ashar.kg', hyperlink: 'https://ashar.kg' }, 'Спасибо! ashar.kg', null, null, null, null, null, null, null, null, null, 'k16', 'thanks'],
];

export const KOBO_CHOICES: ExcelJS.CellValue[][] = [
  ['list_name', 'name', 'label::Кыргызча (ky)', 'label::Русский (ru)', '$kuid'],
  ['yesno', 'yes', 'Ооба', 'Да', 'c1'],
  ['yesno', 'no', 'Жок', 'Нет', 'c2'],
  ['apps', 'whatsapp', 'WhatsApp', 'WhatsApp', 'c3'],
  ['apps', 'telegram', 'Telegram', 'Telegram', 'c4'],
  ['apps', 'other', 'Башка', 'Другое', 'c5'],
  ['level', 1, 'Билбейм', 'Не умею', 'c6'],
  ['level', 2, 'Бир аз', 'Немного', 'c7'],
  ['level', 3, { formula: 'CONCATENATE("Жак","шы")', result: 'Жакшы' }, 'Хорошо', 'c8'],
];

export const KOBO_SETTINGS: ExcelJS.CellValue[][] = [
  ['form_title', 'form_id', 'version', 'default_language'],
  ['Санарип көндүмдөр 2026', 'digital_skills', 2026120301, 'Кыргызча (ky)'],
];

export async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const koboWorkbook = () => workbook({ survey: KOBO_SURVEY, choices: KOBO_CHOICES, settings: KOBO_SETTINGS });
