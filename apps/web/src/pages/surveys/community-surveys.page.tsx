import { SURVEY_LANGUAGES, SurveyLanguage } from '@ashar/survey-forms';
import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { Field, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { IN_LANGUAGE_KEY, parseAgeGroups } from './organiser';
import { SV_CREATE_SURVEY, SV_SURVEYS_OF_COMMUNITY } from './organiser.operations';
import './organiser.css';

type Texts = Record<SurveyLanguage, string>;
const EMPTY: Texts = { ky: '', ru: '', kk: '', en: '' };
const DEFAULT_AGE_GROUPS = '16-29, 30-49, 50-120';

const compact = (texts: Texts) => Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));

/**
 * A community's surveys for its organisers (community admins; the API answers FORBIDDEN to others and the
 * page says so): the list with versions and answer sets, and a form to create one (title and consent in
 * ky/ru/kk/en, suppression threshold, anonymous, age groups).
 */
export default function CommunitySurveysPage() {
  const { communityId = '' } = useParams();
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const list = useQuery(SV_SURVEYS_OF_COMMUNITY, { communityId });
  const [title, setTitle] = useState<Texts>(EMPTY);
  const [consent, setConsent] = useState<Texts>(EMPTY);
  const [threshold, setThreshold] = useState('5');
  const [anonymous, setAnonymous] = useState(true);
  const [ageGroups, setAgeGroups] = useState(DEFAULT_AGE_GROUPS);
  const form = useFormSubmit({ 'input.title': 'title', 'input.consent': 'consent', 'input.suppressionThreshold': 'threshold', 'input.ageGroups': 'ageGroups' });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const groups = parseAgeGroups(ageGroups);
    const n = Number(threshold);
    const fields: Record<string, { key: string }> = {};
    if (Object.keys(compact(title)).length === 0) fields.title = { key: 'surveys.organiser.titleRequired' };
    if (!groups) fields.ageGroups = { key: 'surveys.organiser.ageGroupsFormat' };
    if (!Number.isInteger(n) || n < 1 || n > 1000) fields.threshold = { key: 'surveys.organiser.thresholdRange' };
    if (Object.keys(fields).length > 0) {
      form.setErrors({ fields, general: { key: 'surveys.organiser.fixFields' } });
      return;
    }
    let id = '';
    const failed = await form.submit(async () => {
      const data = await graphql.request(SV_CREATE_SURVEY, { input: { communityId, title: compact(title), consent: compact(consent), suppressionThreshold: n, anonymous, ageGroups: groups } });
      id = data.createSurvey.id;
    });
    if (!failed) navigate(`/surveys/${id}`);
  };

  return (
    <>
      <PageHeading>{t('surveys.organiser.title')}</PageHeading>
      <p>
        <Link to={`/communities/${communityId}`}>{t('surveys.organiser.backToCommunity')}</Link>
      </p>
      <section aria-labelledby="srv-list-heading">
        <h2 id="srv-list-heading">{t('surveys.organiser.listTitle')}</h2>
        {list.error ? (
          <ErrorMessage error={list.error} onRetry={list.retry} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.surveysOfCommunity.length === 0 ? (
          <p className="muted">{t('surveys.organiser.empty')}</p>
        ) : (
          <ul className="list">
            {list.data.surveysOfCommunity.map((s) => (
              <li key={s.id}>
                <Link className="list__link" to={`/surveys/${s.id}`}>
                  <span className="list__title">{s.title}</span>
                  <span className="list__meta">
                    {t('surveys.organiser.listMeta', { versions: s.versions.length, answerSets: formatNumber(s.answerSets) })}
                    {' · '}
                    {t(s.anonymous ? 'surveys.organiser.anonymous' : 'surveys.organiser.linked')}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="srv-create-heading">
        <h2 id="srv-create-heading">{t('surveys.organiser.createTitle')}</h2>
        <form className="form" onSubmit={create} noValidate>
          <fieldset className="srv-fieldset">
            <legend>{t('surveys.organiser.surveyTitle')}</legend>
            {form.fieldError('title') && <p className="field__error">{form.fieldError('title')}</p>}
            {SURVEY_LANGUAGES.map((l) => (
              <Field key={l} label={t(IN_LANGUAGE_KEY[l])} value={title[l]} maxLength={300} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />
            ))}
          </fieldset>
          <fieldset className="srv-fieldset">
            <legend>{t('surveys.organiser.consent')}</legend>
            <p className="field__hint">{t('surveys.organiser.consentHint')}</p>
            {form.fieldError('consent') && <p className="field__error">{form.fieldError('consent')}</p>}
            {SURVEY_LANGUAGES.map((l) => (
              <TextAreaField key={l} label={t(IN_LANGUAGE_KEY[l])} value={consent[l]} rows={3} maxLength={5000} onChange={(e) => setConsent({ ...consent, [l]: e.target.value })} />
            ))}
          </fieldset>
          <Field label={t('surveys.organiser.threshold')} hint={t('surveys.organiser.thresholdHint')} inputMode="numeric" value={threshold} error={form.fieldError('threshold')} onChange={(e) => setThreshold(e.target.value)} />
          <Field label={t('surveys.organiser.ageGroups')} hint={t('surveys.organiser.ageGroupsHint')} value={ageGroups} error={form.fieldError('ageGroups')} onChange={(e) => setAgeGroups(e.target.value)} />
          <label className="checkbox">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            {t('surveys.organiser.anonymousLabel')}
          </label>
          <FormAlert text={form.general} />
          <button type="submit" className="button" disabled={form.busy}>
            {t('surveys.organiser.create')}
          </button>
        </form>
      </section>
    </>
  );
}
