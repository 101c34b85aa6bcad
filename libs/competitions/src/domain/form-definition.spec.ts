import { budgetTotal, checkAnswers, parseFormDefinition, requestedAmount } from './form-definition';

const FORM = {
  fields: [
    { key: 'title', type: 'TEXT', required: true, minLength: 5, maxLength: 100 },
    { key: 'people', type: 'NUMBER', min: 1, max: 10000 },
    { key: 'kind', type: 'CHOICE', options: ['ngo', 'school'], required: true },
    { key: 'letter', type: 'FILE', allowedTypes: ['application/pdf'], required: true },
    { key: 'budget', type: 'BUDGET', required: true, maxLines: 3 },
    { key: 'cofunding', type: 'MONEY' },
  ],
};
const form = () => {
  const p = parseFormDefinition(JSON.stringify(FORM));
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
};
const CAP = 2_000_000n; // 20 000.00 USD in cents
const good = { title: 'Ачык айыл', people: 300, kind: 'ngo', letter: { fileId: 'f1', name: 'letter.pdf', contentType: 'application/pdf' }, budget: { lines: [{ item: 'Ноутбук', quantity: 2, unitCost: '50000' }, { item: 'Интернет', quantity: 12, unitCost: '2500' }] } };

describe('form definition', () => {
  it('reads a valid form and refuses a bad one with paths', () => {
    expect(form().fields.map((f) => f.type)).toEqual(['TEXT', 'NUMBER', 'CHOICE', 'FILE', 'BUDGET', 'MONEY']);
    const bad = parseFormDefinition({ fields: [{ key: 'a', type: 'TEXT', minLength: 10, maxLength: 5 }, { key: 'a', type: 'TEXT' }, { key: 'f', type: 'FILE', allowedTypes: [] }, { key: 'x', type: 'VIDEO' }] }, 'input.stages.0.form');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(['input.stages.0.form.fields.0.maxLength', 'input.stages.0.form.fields.1.key', 'input.stages.0.form.fields.2.allowedTypes', 'input.stages.0.form.fields.3.type']);
    expect(parseFormDefinition('{').ok).toBe(false);
  });

  it('accepts complete answers with the budget total under the cap', () => {
    expect(checkAnswers(form(), good, { mode: 'submit', cap: CAP })).toEqual([]);
    expect(budgetTotal(good.budget.lines)).toBe(130_000n);
    expect(requestedAmount(form(), good)).toBe(130_000n);
  });

  it('lets a draft be incomplete but still refuses wrong shapes', () => {
    expect(checkAnswers(form(), { title: 'Ач' }, { mode: 'draft', cap: CAP })).toEqual([]);
    expect(checkAnswers(form(), { people: 'many' }, { mode: 'draft', cap: CAP })[0]).toEqual({ path: 'answers.people', key: 'errors.competitions.answers.notNumber' });
  });

  it('names every submit problem: required, too short, file type, over the cap, unknown field', () => {
    const p = checkAnswers(form(), { title: 'Ач', kind: 'club', letter: { fileId: 'f1', name: 'x.exe', contentType: 'application/x-msdownload' }, budget: { lines: [{ item: 'Автобус', quantity: 1, unitCost: '2000001' }] }, extra: 1 }, { mode: 'submit', cap: CAP });
    expect(p.map((x) => [x.path, x.key])).toEqual([
      ['answers.extra', 'errors.competitions.answers.unknownField'],
      ['answers.title', 'errors.competitions.answers.tooShort'],
      ['answers.kind', 'errors.competitions.answers.notAnOption'],
      ['answers.letter.contentType', 'errors.competitions.answers.fileType'],
      ['answers.budget.total', 'errors.competitions.answers.overCap'],
    ]);
    expect(checkAnswers(form(), { ...good, letter: undefined }, { mode: 'submit', cap: CAP })).toEqual([{ path: 'answers.letter', key: 'errors.competitions.answers.required' }]);
    expect(checkAnswers(form(), { ...good, budget: { lines: [{ item: '', quantity: 0, unitCost: '-1' }] } }, { mode: 'draft', cap: CAP }).map((x) => x.path)).toEqual(['answers.budget.lines.0.item', 'answers.budget.lines.0.quantity', 'answers.budget.lines.0.unitCost']);
  });

  it('a file answer must name an uploaded file by its id, in a draft too', () => {
    for (const letter of [{ name: 'letter.pdf', contentType: 'application/pdf' }, { fileId: '' }, { fileId: 7 }, 'letter.pdf']) {
      expect(checkAnswers(form(), { letter }, { mode: 'draft', cap: CAP })).toEqual([{ path: 'answers.letter', key: 'errors.competitions.answers.notFile' }]);
    }
    expect(checkAnswers(form(), { letter: { fileId: 'f1' } }, { mode: 'draft', cap: CAP })).toEqual([]);
  });

  it('a total exactly at the cap is accepted', () => {
    expect(checkAnswers(form(), { ...good, budget: { lines: [{ item: 'Бардыгы', quantity: 4, unitCost: '500000' }] } }, { mode: 'submit', cap: CAP })).toEqual([]);
  });
});
