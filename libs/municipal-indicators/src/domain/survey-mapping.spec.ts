import { checkAnswers, checkForm } from '@ashar/survey-forms';
import { areaTotals, isMunicipality, scoreOf, scoreParts } from './indicators';
import { indicatorsFromAnswers, MUNICIPALITY_SURVEY_FORM } from './survey-mapping';
import { exportTable, toCsv, toExcelCsv } from './export-rows';

const FORM = MUNICIPALITY_SURVEY_FORM;

describe('the municipality questionnaire', () => {
  it('is a fillable SurveyForm: checkForm finds no problem, every label in ky/ru/kk/en', () => {
    expect(checkForm(FORM)).toEqual([]);
    const texts = [FORM.title, ...FORM.groups.map((g) => g.label), ...FORM.questions.map((q) => q.label), ...Object.values(FORM.choices).flat().map((c) => c.label)];
    for (const t of texts) for (const l of ['ky', 'ru', 'kk', 'en'] as const) expect(t[l]?.trim()).toBeTruthy();
  });

  it('checkForm would catch a broken copy (the test can fail)', () => {
    const broken = { ...FORM, questions: [...FORM.questions, { ...FORM.questions[0] }] };
    expect(checkForm(broken).map((p) => p.key)).toContain('errors.surveys.duplicateName');
  });

  it('names the indicator fields', () => {
    const names = FORM.questions.map((q) => q.name);
    for (const n of ['observed_on', 'website_url', 'website_answered', 'social_platforms', 'social_facebook_url', 'social_facebook_last_post', 'social_facebook_posts_30d', 'e_services', 'e_services_other', 'tunduk', 'tunduk_since', 'contact_phone', 'contact_email', 'contact_answered', 'contact_checked_on']) expect(names).toContain(n);
  });
});

describe('indicatorsFromAnswers', () => {
  const raw = {
    observed_on: '2026-10-20',
    website_url: 'https://ak-dobo.example.kg',
    website_answered: 'yes',
    social_platforms: ['facebook', 'telegram'],
    social_facebook_url: 'https://facebook.com/akdobo',
    social_facebook_last_post: '2026-10-12',
    social_facebook_posts_30d: 6,
    social_telegram_url: 'https://t.me/akdobo',
    social_telegram_posts_30d: 0,
    // Not chosen in social_platforms: dropped by relevance before it reaches the mapping.
    social_instagram_url: 'https://instagram.com/x',
    e_services: ['CERTIFICATES', 'OTHER'],
    e_services_other: 'Жайыт билеттери',
    tunduk: 'IN_PROGRESS',
    tunduk_since: '2026-06-01',
    contact_phone: '+996 700 123 456',
    contact_answered: 'no',
    contact_checked_on: '2026-10-20',
  };

  it('maps a checked answer set to an observation input with source SURVEY', () => {
    const checked = checkAnswers(FORM, raw, 'ru');
    expect(checked.problems).toEqual([]);
    expect(checked.answers).not.toHaveProperty('social_instagram_url');
    const input = indicatorsFromAnswers(checked.answers, { unitId: 'u-1', answerSetId: 'set-42' });
    expect(input).toEqual({
      unitId: 'u-1',
      observedOn: '2026-10-20',
      websiteUrl: 'https://ak-dobo.example.kg',
      websiteAnswered: true,
      socialAccounts: [
        { platform: 'FACEBOOK', url: 'https://facebook.com/akdobo', lastPostOn: '2026-10-12', postsLast30Days: 6 },
        { platform: 'TELEGRAM', url: 'https://t.me/akdobo', lastPostOn: null, postsLast30Days: 0 },
      ],
      eServices: ['CERTIFICATES', 'OTHER'],
      eServicesOther: 'Жайыт билеттери',
      tunduk: 'IN_PROGRESS',
      tundukSince: '2026-06-01',
      contactPhone: '+996 700 123 456',
      contactEmail: null,
      contactAnswered: false,
      contactCheckedOn: '2026-10-20',
      source: 'SURVEY',
      surveyAnswerSetId: 'set-42',
    });
    // Score: 2 e-services + website answered + active Facebook; Tunduk in progress and a silent contact count nothing.
    expect(scoreOf(scoreParts(input))).toBe(4);
  });

  it('a skipped website question and "no Tunduk" leave their follow-ups empty', () => {
    const checked = checkAnswers(FORM, { observed_on: '2026-10-20', tunduk: 'NO', tunduk_since: '2026-01-01', website_answered: 'yes' }, 'ky');
    expect(checked.problems).toEqual([]);
    const input = indicatorsFromAnswers(checked.answers);
    expect(input).toMatchObject({ websiteUrl: null, websiteAnswered: null, tunduk: 'NO', tundukSince: null, socialAccounts: [], eServices: [], contactAnswered: null, source: 'SURVEY' });
    expect(input).not.toHaveProperty('surveyAnswerSetId');
  });

  it('the form refuses what the mutation would refuse: a missing date, an unknown Tunduk answer', () => {
    const checked = checkAnswers(FORM, { tunduk: 'MAYBE' }, 'ru');
    expect(checked.problems.map((p) => p.path).sort()).toEqual(['answers.observed_on', 'answers.tunduk']);
  });
});

describe('score and area totals', () => {
  const base = { observedOn: '2026-10-20', websiteUrl: null, websiteAnswered: null, socialAccounts: [], eServices: [], eServicesOther: null, tunduk: 'NO' as const, tundukSince: null, contactPhone: null, contactEmail: null, contactAnswered: null, contactCheckedOn: null };

  it('counts e-services once each and the four yes/no parts; a post 30 days old is no longer active', () => {
    expect(scoreOf(scoreParts(base))).toBe(0);
    const full = { ...base, websiteUrl: 'https://x.kg', websiteAnswered: true, tunduk: 'YES' as const, contactPhone: '+996700000000', contactAnswered: true, eServices: ['PERMITS', 'PERMITS', 'OTHER'] as never, socialAccounts: [{ platform: 'FACEBOOK' as const, url: 'https://f.com/x', lastPostOn: '2026-09-21', postsLast30Days: null }] };
    expect(scoreParts(full)).toEqual({ eServices: 2, website: true, tunduk: true, activeSocial: true, contactAnswers: true });
    expect(scoreOf(scoreParts(full))).toBe(6);
    const stale = { ...full, socialAccounts: [{ ...full.socialAccounts[0], lastPostOn: '2026-09-20' }] };
    expect(scoreParts(stale).activeSocial).toBe(false);
    expect(scoreParts({ ...full, websiteAnswered: false }).website).toBe(false);
  });

  it('totals: shares over the observed municipalities only', () => {
    const a = scoreParts({ ...base, websiteUrl: 'https://a.kg', websiteAnswered: true, eServices: ['CERTIFICATES'] as never });
    const b = scoreParts({ ...base, tunduk: 'YES' });
    const t = areaTotals([a, b, null]);
    expect(t).toMatchObject({ municipalities: 3, observed: 2, withWebsite: 1, withTunduk: 1, withActiveSocial: 0, withContactAnswering: 0, eServicesOffered: 1, websiteShare: 0.5, tundukShare: 0.5, averageEServices: 0.5, averageScore: 1.5 });
    expect(areaTotals([null]).websiteShare).toBe(0);
  });

  it('which units are municipalities', () => {
    expect(isMunicipality('AIMAK', 'aiyl_aimak')).toBe(true);
    expect(isMunicipality('AIMAK', 'rural_okrug')).toBe(true);
    expect(isMunicipality('CITY', 'town')).toBe(true);
    expect(isMunicipality('DISTRICT', 'city_oblast')).toBe(true);
    expect(isMunicipality('DISTRICT', 'rayon')).toBe(false);
    expect(isMunicipality('CITY', 'district')).toBe(false);
    expect(isMunicipality('VILLAGE', 'village')).toBe(false);
  });
});

describe('export rows', () => {
  it('header in the reader’s language, values named, formulas defused, Excel variant with BOM and ;', () => {
    const rows = exportTable([
      { code: '41707220840000', names: { ru: 'Ак-Дебе', ky: 'Ак-Дөбө' }, observation: { observedOn: '2026-10-20', websiteUrl: 'https://a.kg', websiteAnswered: true, socialAccounts: [], eServices: ['OTHER', 'CERTIFICATES'], eServicesOther: '=HYPERLINK("x")', tunduk: 'YES', tundukSince: null, contactPhone: '+996 700 000 000', contactEmail: null, contactAnswered: null, contactCheckedOn: null, source: 'MANUAL' } },
      { code: '41707220843000', names: { ru: 'Оро' }, observation: null },
    ], 'ru');
    expect(rows[0][0]).toBe('Код СОАТЕ');
    expect(rows[1].slice(0, 6)).toEqual(['41707220840000', 'Ак-Дебе', '2026-10-20', '4', '2', 'Справки, Другое']);
    expect(rows[1][11]).toBe('подключено');
    expect(rows[2].slice(2).every((c) => c === '')).toBe(true);
    const csv = toCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(',+996 700 000 000,');
    const excel = toExcelCsv(rows).toString('utf8');
    expect(excel.startsWith('\ufeffКод СОАТЕ;Муниципалитет;')).toBe(true);
    expect(excel).toContain('\r\n');
  });
});
