import { groupChain } from '@ashar/survey-forms';
import { readXlsForm, writeXlsForm } from '@ashar/survey-forms/xlsform';
import { renderToStaticMarkup } from 'react-dom/server';
import { koboWorkbook } from '../../../../../libs/survey-forms/src/xlsform/__tests__/kobo-workbook';
import { MatrixField, QuestionField } from './question.component';

/**
 * Issue 14: "an XLSForm made with the ODK/KoboToolbox conventions imports, renders and exports back". The
 * workbook as Kobo writes it is read, every question is rendered by the interviewer screen's own components in
 * Kyrgyz and Russian (labels, choices, the scale, the matrix), and the form written back reads as the same form.
 */
describe('a Kobo XLSForm on the interviewer screen', () => {
  it('renders every question in ky and ru with its choices, and writes back to the same form', async () => {
    const read = await readXlsForm(await koboWorkbook());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const form = read.form;
    expect(form.languages).toEqual(expect.arrayContaining(['ky', 'ru']));
    for (const lang of ['ky', 'ru'] as const) {
      const html = form.questions
        .filter((q) => !groupChain(form, q.group).some((g) => g.matrix))
        .map((q) => renderToStaticMarkup(<QuestionField form={form} q={q} lang={lang} value={undefined} onChange={() => undefined} />))
        .join('\n');
      const matrix = form.groups.find((g) => g.matrix)!;
      const inMatrix = form.questions.filter((q) => q.group === matrix.name);
      const table = renderToStaticMarkup(<MatrixField form={form} title={matrix.label[lang] ?? ''} questions={inMatrix} lang={lang} answers={{}} errors={{}} onChange={() => undefined} />);
      for (const q of form.questions.filter((x) => !inMatrix.includes(x))) expect(html).toContain(escape(q.label[lang]!));
      for (const q of inMatrix) expect(table).toContain(escape(q.label[lang]!));
      // The lists' choices show on their questions (yes/no, apps) and as the matrix's columns (levels).
      for (const c of form.choices.yesno) expect(html).toContain(c.label[lang]!);
      for (const c of form.choices.apps) expect(html).toContain(c.label[lang]!);
      for (const c of form.choices.level) expect(table).toContain(c.label[lang]!);
    }
    expect(renderToStaticMarkup(<QuestionField form={form} q={form.questions.find((q) => q.name === 'has_phone')!} lang="ky" value={undefined} onChange={() => undefined} />)).toContain('Телефонуңуз барбы?');
    const again = await readXlsForm(await writeXlsForm(form));
    expect(again.ok && again.form).toEqual(form);
  });
});

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
