import { draftOf, emptyDraft, errorPaths, freshKey, localOf, newField, toCallInput } from './call-editor';
import type { CmpCall } from './competitions.operations';

describe('the call editor as data', () => {
  test('an organiser’s draft becomes the API input: the cap in minor units, forms as JSON, budget and file fields with their settings', () => {
    const d = emptyDraft('c1');
    d.title = { ky: 'Гранттар', ru: 'Гранты' };
    d.grantCap = '500 000,50';
    d.stages[0].deadlineLocal = '2027-03-01T18:00';
    d.stages[0].fields = [
      { ...newField([]), key: 'concept', minLength: '20', maxLength: '' },
      { ...newField(['concept'], 'FILE'), key: 'letter', allowedTypes: ['application/pdf', 'image/jpeg'] },
      { ...newField(['concept', 'letter'], 'BUDGET'), key: 'budget', maxLines: '10' },
    ];
    const r = toCallInput(d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.input).toMatchObject({ communityId: 'c1', grantCap: '50000050', maxDurationMonths: 12, timeZone: 'Asia/Bishkek', currency: 'KGS' });
    expect(JSON.parse(r.input.stages[0].form)).toEqual({
      fields: [
        { key: 'concept', type: 'TEXT', required: true, label: {}, minLength: 20 },
        { key: 'letter', type: 'FILE', required: true, label: {}, allowedTypes: ['application/pdf', 'image/jpeg'] },
        { key: 'budget', type: 'BUDGET', required: true, label: {}, maxLines: 10 },
      ],
    });
    expect(r.input.criteria).toEqual([{ key: 'criterion1', name: {}, weight: 1, min: 0, max: 10 }]);
  });

  test('numbers that cannot be read, no cap and no deadline are problems at the server’s own paths', () => {
    const d = emptyDraft('c1');
    d.criteria[0].weight = '';
    d.stages[0].fields[0].maxLength = '1,5';
    const r = toCallInput(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.problems).sort()).toEqual(['criteria.0.weight', 'grantCap', 'stages.0.deadlineLocal', 'stages.0.form.fields.0.maxLength']);
    for (const p of Object.keys(r.problems)) expect(errorPaths(d)).toContain(p);
  });

  test('a stored call comes back into the editor unchanged (keys kept, the cap in major units, the deadline as typed)', () => {
    const form = { fields: [{ key: 'concept', type: 'TEXT', required: true, label: { ky: 'Концепция' }, minLength: 20, maxLength: 20000 }, { key: 'kind', type: 'CHOICE', required: false, label: {}, options: ['v1', 'v2'] }] };
    const call = {
      id: 'x', communityId: 'c1', status: 'DRAFT', anonymousReview: true, title: { ky: 'Гранттар', ru: null, en: null, kk: null }, summary: { ky: null, ru: null, en: null, kk: null },
      currency: 'USD', grantCap: '2000000', maxDurationMonths: 6, timeZone: 'Asia/Almaty', languages: ['ky'], applicantKinds: ['NGO'],
      directions: [{ key: 'youth', name: { ky: 'Жаштар', ru: null, en: null, kk: null } }],
      criteria: [{ key: 'relevance', name: { ky: 'Актуалдуулук', ru: null, en: null, kk: null }, weight: 3, min: 0, max: 10 }],
      requiredDocuments: [],
      stages: [{ number: 1, name: { ky: 'Концепция', ru: null, en: null, kk: null }, deadlineAt: '', deadlineLocal: '2027-03-01 18:00 (Asia/Almaty, UTC+05:00)', timeZone: 'Asia/Almaty', form: JSON.stringify(form), shortlistedOnly: false }],
    } as unknown as CmpCall;
    const d = draftOf(call);
    expect(d).toMatchObject({ grantCap: '20000', anonymousReview: true, title: { ky: 'Гранттар' }, directions: [{ key: 'youth' }], criteria: [{ key: 'relevance', weight: '3' }] });
    expect(d.stages[0].deadlineLocal).toBe('2027-03-01T18:00');
    expect(d.stages[0].fields[1].options).toBe('v1\nv2');
    const r = toCallInput(d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.input.grantCap).toBe('2000000');
    expect(JSON.parse(r.input.stages[0].form)).toEqual({ fields: [{ ...form.fields[0], maxLength: undefined }, form.fields[1]].map((f) => JSON.parse(JSON.stringify(f))) });
  });

  test('fresh keys never clash with kept ones', () => {
    expect(freshKey('field', ['field2', 'concept'])).toBe('field3');
    expect(freshKey('field', ['field3', 'field4', 'x'])).toBe('field5');
    expect(localOf('2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)')).toBe('2027-03-01T18:00');
  });
});
