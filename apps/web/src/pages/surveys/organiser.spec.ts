import type { SurveyForm } from '@ashar/survey-forms';
import {
  barPercent,
  exportFile,
  interviewersOf,
  orderedProgress,
  parseAgeGroups,
  parseBins,
  publishedOf,
  quotaCellsOfPlan,
  quotaTotals,
  refusedProblems,
  sharePercent,
  tabulatedQuestions,
  versionXlsForm,
} from './organiser';

const form: SurveyForm = {
  title: { ky: 'Т' },
  formId: 'f',
  defaultLanguage: 'ky',
  languages: ['ky'],
  groups: [],
  questions: [
    { name: 'a', type: 'select_one', listName: 'l', label: { ky: 'A' } },
    { name: 'n', type: 'note', label: { ky: 'N' } },
    { name: 't', type: 'text', label: { ky: 'T' } },
    { name: 'm', type: 'select_multiple', listName: 'l', label: { ky: 'M' } },
    { name: 'h', type: 'integer', label: { ky: 'H' } },
    { name: 'd', type: 'date', label: { ky: 'D' } },
    { name: 's', type: 'range', range: { start: 1, end: 5, step: 1 }, label: { ky: 'S' } },
  ],
  choices: { l: [{ name: 'x', label: { ky: 'X' } }] },
};

describe('organiser survey helpers', () => {
  test('only choices, scales and numbers can be tabulated, in form order', () => {
    expect(tabulatedQuestions(form).map((q) => q.name)).toEqual(['a', 'm', 'h', 's']);
    expect(tabulatedQuestions(null)).toEqual([]);
  });

  test('bin edges: commas, spaces, semicolons, decimal commas; not ascending or not numbers is null', () => {
    expect(parseBins('18, 30, 50')).toEqual([18, 30, 50]);
    expect(parseBins('18 30 50')).toEqual([18, 30, 50]);
    expect(parseBins('1,5; 3')).toEqual([1.5, 3]);
    expect(parseBins('1,2,3')).toEqual([1, 2, 3]);
    expect(parseBins('0.5, 2')).toEqual([0.5, 2]);
    expect(parseBins('')).toBeNull();
    expect(parseBins('3, 1')).toBeNull();
    expect(parseBins('1, 1')).toBeNull();
    expect(parseBins('1, бир')).toBeNull();
  });

  test('age groups typed as min-max', () => {
    expect(parseAgeGroups('16-29, 30-49; 50–120')).toEqual([
      { key: '16-29', min: 16, max: 29 },
      { key: '30-49', min: 30, max: 49 },
      { key: '50-120', min: 50, max: 120 },
    ]);
    expect(parseAgeGroups('30-16')).toBeNull();
    expect(parseAgeGroups('16-29, жаштар')).toBeNull();
    expect(parseAgeGroups('')).toBeNull();
  });

  test('bars and shares', () => {
    expect(barPercent(3, 4)).toBe(75);
    expect(barPercent(5, 4)).toBe(100);
    expect(barPercent(1, 3)).toBe(33.3);
    expect(barPercent(null, 4)).toBe(0);
    expect(barPercent(2, 0)).toBe(0);
    expect(sharePercent(0.4567)).toBe(45.7);
    expect(sharePercent(null)).toBeNull();
  });

  test('quota progress reads by village name, gender, then the survey age-group order; totals add up', () => {
    const cells = [
      { villageId: 'v2', gender: 'MALE', ageGroup: '50+', target: 3, accepted: 1, overQuota: 0 },
      { villageId: 'v1', gender: 'MALE', ageGroup: '16-29', target: 2, accepted: 2, overQuota: 1 },
      { villageId: 'v2', gender: 'FEMALE', ageGroup: '50+', target: 3, accepted: 0, overQuota: 0 },
      { villageId: 'v2', gender: 'FEMALE', ageGroup: '16-29', target: 3, accepted: 3, overQuota: 2 },
    ];
    const names: Record<string, string> = { v1: 'Ак-Дөбө', v2: 'Арал' };
    const order = orderedProgress(cells, (id) => names[id], [{ key: '16-29' }, { key: '50+' }]).map((c) => `${c.villageId}|${c.gender}|${c.ageGroup}`);
    expect(order).toEqual(['v1|MALE|16-29', 'v2|FEMALE|16-29', 'v2|FEMALE|50+', 'v2|MALE|50+']);
    expect(quotaTotals(cells)).toEqual({ target: 11, accepted: 6, overQuota: 3 });
  });

  test('the plan: empty and 0 are no cell, other non-whole numbers are named', () => {
    expect(quotaCellsOfPlan({ 'v1|FEMALE|16-29': '3', 'v1|MALE|16-29': '', 'v1|MALE|30-49': '0', 'v2|FEMALE|50+': ' 12 ' })).toEqual({
      cells: [
        { villageId: 'v1', gender: 'FEMALE', ageGroup: '16-29', target: 3 },
        { villageId: 'v2', gender: 'FEMALE', ageGroup: '50+', target: 12 },
      ],
      invalid: [],
    });
    expect(quotaCellsOfPlan({ a: '2.5', b: '-1', c: 'беш' }).invalid).toEqual(['a', 'b', 'c']);
  });

  test('interviewers: members holding INTERVIEWER, once each, by name', () => {
    const m = (id: string, name: string, role: string) => ({ id: `${id}-${role}`, role, member: { id, displayName: name } });
    expect(interviewersOf([m('a', 'Бекзат', 'MEMBER'), m('b', 'Айгүл', 'INTERVIEWER'), m('a', 'Бекзат', 'INTERVIEWER'), m('b', 'Айгүл', 'INTERVIEWER'), m('c', 'Сана', 'COMMUNITY_ADMIN')])).toEqual([
      { id: 'b', displayName: 'Айгүл' },
      { id: 'a', displayName: 'Бекзат' },
    ]);
  });

  test('export and XLSForm addresses follow the API contract', () => {
    expect(exportFile('s1', 'csvCodes', 'ky').url).toBe('/api/surveys/s1/answers.csv?lang=ky');
    expect(exportFile('s1', 'csvLabels', 'ru').url).toBe('/api/surveys/s1/answers.csv?lang=ru&labels=1');
    expect(exportFile('s1', 'xlsx', 'kk').url).toBe('/api/surveys/s1/answers.xlsx?lang=kk');
    expect(exportFile('s1', 'codebook', 'en').url).toBe('/api/surveys/s1/codebook.csv?lang=en');
    expect(exportFile('s1', 'spss', 'ky')).toEqual({ url: '/api/surveys/s1/answers.sps?lang=ky', fileName: 'survey-s1-ky.sps' });
    expect(versionXlsForm('s1', 3).url).toBe('/api/surveys/s1/versions/3/xlsform.xlsx');
  });

  test("the upload's answers: version and warnings on success, problems with their cells on refusal; junk is dropped", () => {
    expect(publishedOf({ version: { id: 'v', number: 2 }, warnings: [{ path: 'survey!F1', key: 'warnings.surveys.xlsform.columnIgnored', params: { column: 'x', nested: { a: 1 } } }] })).toEqual({
      number: 2,
      warnings: [{ path: 'survey!F1', key: 'warnings.surveys.xlsform.columnIgnored', params: { column: 'x' } }],
    });
    expect(publishedOf(null)).toEqual({ number: null, warnings: [] });
    expect(refusedProblems({ problems: [{ path: 'survey!B7', key: 'errors.surveys.xlsform.missingName', params: { column: 'name' } }, 'junk', { path: 3 }] })).toEqual([
      { path: 'survey!B7', key: 'errors.surveys.xlsform.missingName', params: { column: 'name' } },
    ]);
    expect(refusedProblems(undefined)).toEqual([]);
  });
});
