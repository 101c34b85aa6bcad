import { choicesOf, settingsOf } from './import-settings';
import type { UploadPreview } from './import-preview.operations';

const preview = {
  uploadId: 'u1',
  fields: [
    { field: 'direction', required: false },
    { field: 'economic_code', required: true },
    { field: 'name_ru', required: false },
    { field: 'amount', required: true },
  ],
  fileColumns: [
    { index: 0, header: 'Код', field: 'economic_code', sample: '11111' },
    { index: 1, header: 'Вид', field: 'direction', sample: 'Д' },
    { index: 2, header: 'Сумма', field: 'amount', sample: '1 200' },
    { index: 3, header: '', field: null, sample: 'x' },
  ],
  side: { from: null, revenue: null, expenditure: null },
} as unknown as UploadPreview;

describe('import preview settings', () => {
  it('as previewed: the columns read, nothing for the fields left to be found by name, no side rule', () => {
    const c = choicesOf(preview, null);
    expect(c.assign).toEqual({ 0: 'economic_code', 1: 'direction', 2: 'amount', 3: '' });
    expect(settingsOf(preview, c)).toEqual({
      uploadId: 'u1',
      unit: null,
      columns: [
        { field: 'direction', header: 'Вид' },
        { field: 'economic_code', header: 'Код' },
        { field: 'amount', header: 'Сумма' },
      ],
      side: null,
    });
  });

  it('a field taken off its column is sent as "no column"; the side rule and its words are trimmed', () => {
    const c = { ...choicesOf(preview, 'THOUSAND'), assign: { 0: 'economic_code', 1: '', 2: 'amount', 3: '' }, cleared: ['direction'], side: { from: 'CODE' as const, revenue: ' Д ', expenditure: '' } };
    const s = settingsOf(preview, c);
    expect(s.columns).toContainEqual({ field: 'direction', header: null });
    expect(s.unit).toBe('THOUSAND');
    expect(s.side).toEqual({ from: 'CODE', revenue: 'Д', expenditure: null });
  });

  it('a column without a header cannot be mapped by header', () => {
    const c = { ...choicesOf(preview, null), assign: { 0: 'economic_code', 1: 'direction', 2: '', 3: 'amount' } };
    expect(settingsOf(preview, c).columns.find((x) => x.field === 'amount')).toBeUndefined();
  });

  it("a treasury report's as-of date goes only when chosen, and is kept across previews", () => {
    expect(settingsOf(preview, choicesOf(preview, null))).not.toHaveProperty('asOf');
    const chosen = choicesOf(preview, null, true, [], '2026-04-01');
    expect(settingsOf(preview, chosen)).toMatchObject({ asOf: '2026-04-01' });
  });
});
