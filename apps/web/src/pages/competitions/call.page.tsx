import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { withNext } from '../../session/next-path';
import { useSession } from '../../session/session.context';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { ApplicantKind, CallLanguage, CMP_CALL, CMP_MY_APPLICATIONS, CMP_MY_ROLES, CMP_START, CmpCall } from './competitions.operations';
import { CALL_STATUS_KEY, KIND_KEY, LANGUAGE_KEY, STATUS_KEY } from './labels';
import { useMoney } from './money';
import './competitions.css';

const MANAGE_ROLES = ['COMMUNITY_ADMIN', 'COUNCIL_SECRETARY'];

/** A call: what it funds, its criteria with weights, stages with deadlines in the call's own zone; starting an application. */
export default function CompetitionCallPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const call = useQuery(CMP_CALL, { id }, { scope: status });
  const communityId = call.data?.competitionCall.communityId;
  const roles = useQuery(CMP_MY_ROLES, communityId && status !== 'loading' ? { id: communityId } : null, { scope: status });
  const mine = useQuery(CMP_MY_APPLICATIONS, status === 'authenticated' ? {} : null, { scope: status });
  if (call.error) return <ErrorMessage error={call.error} onRetry={call.retry} />;
  if (!call.data) return <Loading />;
  const c = call.data.competitionCall;
  const myRoles = roles.data?.community.myRoles ?? [];
  const own = (mine.data?.myCompetitionApplications ?? []).filter((a) => a.callId === c.id);
  return (
    <>
      <p className="back-link">
        <Link to="/competitions">{t('competitions.web.calls.title')}</Link>
      </p>
      <PageHeading>{pick(c.title)}</PageHeading>
      <p className="muted">
        {t(CALL_STATUS_KEY[c.status])}
        {roles.data ? ` · ${t('competitions.web.call.organiser', { name: pick(roles.data.community.names) })}` : ''}
      </p>
      {pick(c.summary) && <p>{pick(c.summary)}</p>}
      <nav aria-label={t('competitions.web.call.screens')} className="cmp-links">
        <ul className="nav">
          {c.status === 'RESULTS_PUBLISHED' && (
            <li>
              <Link to={`/competitions/${c.id}/results`}>{t('competitions.web.results.link')}</Link>
            </li>
          )}
          {myRoles.includes('EXPERT') && (
            <li>
              <Link to={`/competitions/${c.id}/review`}>{t('competitions.web.review.link')}</Link>
            </li>
          )}
          {myRoles.some((r) => MANAGE_ROLES.includes(r)) && (
            <li>
              <Link to={`/competitions/${c.id}/manage`}>{t('competitions.web.manage.link')}</Link>
            </li>
          )}
          {c.status === 'DRAFT' && myRoles.some((r) => MANAGE_ROLES.includes(r)) && (
            <li>
              <Link to={`/competitions/${c.id}/edit`}>{t('competitions.web.editor.link')}</Link>
            </li>
          )}
        </ul>
      </nav>
      <CallFacts call={c} />

      <section aria-labelledby="cmp-stages" className="cmp-section">
        <h2 id="cmp-stages">{t('competitions.web.call.stages')}</h2>
        <ol>
          {c.stages.map((s) => (
            <li key={s.number}>
              <strong>{pick(s.name)}</strong>
              <br />
              {t('competitions.web.call.deadline', { deadline: s.deadlineLocal })}
              {s.shortlistedOnly && (
                <>
                  <br />
                  <span className="muted">{t('competitions.web.call.shortlistedOnly')}</span>
                </>
              )}
            </li>
          ))}
        </ol>
        <p className="muted">{t('competitions.web.call.onTime')}</p>
      </section>

      <section aria-labelledby="cmp-criteria" className="cmp-section">
        <h2 id="cmp-criteria">{t('competitions.web.call.criteria')}</h2>
        <table className="cmp-table">
          <thead>
            <tr>
              <th scope="col">{t('competitions.web.call.criterion')}</th>
              <th scope="col" className="cmp-num">
                {t('competitions.web.call.weight')}
              </th>
              <th scope="col" className="cmp-num">
                {t('competitions.web.call.scale')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((k) => (
              <tr key={k.key}>
                <th scope="row">{pick(k.name)}</th>
                <td className="cmp-num">{k.weight}</td>
                <td className="cmp-num">{t('competitions.web.call.scaleRange', { min: k.min, max: k.max })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {c.requiredDocuments.length > 0 && (
        <section aria-labelledby="cmp-docs" className="cmp-section">
          <h2 id="cmp-docs">{t('competitions.web.call.documents')}</h2>
          <ul>
            {c.requiredDocuments.map((d, i) => (
              <li key={i}>{pick(d)}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="cmp-apply" className="cmp-section">
        <h2 id="cmp-apply">{t('competitions.web.apply.title')}</h2>
        {own.length > 0 && (
          <ul className="list">
            {own.map((a) => (
              <li key={a.id}>
                <Link className="list__link" to={`/competitions/applications/${a.id}`}>
                  <span className="list__title">{a.title}</span>
                  <span className="list__meta">{t(STATUS_KEY[a.status])}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {c.status !== 'OPEN' ? (
          <p className="muted">{t('competitions.web.apply.closed')}</p>
        ) : status === 'authenticated' ? (
          <StartForm call={c} />
        ) : status === 'anonymous' ? (
          <p>
            <Link to={withNext('/login', `/competitions/${c.id}`)}>{t('competitions.web.apply.logIn')}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

function CallFacts({ call: c }: { call: CmpCall }) {
  const { t, pick } = useI18n();
  const money = useMoney(c.currency);
  return (
    <dl className="cmp-facts">
      <div>
        <dt>{t('competitions.web.call.cap')}</dt>
        <dd>{money(c.grantCap)}</dd>
      </div>
      <div>
        <dt>{t('competitions.web.call.duration')}</dt>
        <dd>{t('competitions.web.call.months', { count: c.maxDurationMonths })}</dd>
      </div>
      <div>
        <dt>{t('competitions.web.call.directions')}</dt>
        <dd>{c.directions.map((d) => pick(d.name)).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('competitions.web.call.kinds')}</dt>
        <dd>{c.applicantKinds.map((k) => t(KIND_KEY[k])).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('competitions.web.call.languages')}</dt>
        <dd>{c.languages.map((l) => t(LANGUAGE_KEY[l as CallLanguage] ?? l)).join(', ')}</dd>
      </div>
    </dl>
  );
}

type StartField = 'title' | 'organisationName' | 'partnerName' | 'targetRegion' | 'summary' | 'directionKey' | 'applicantKind' | 'language' | 'durationMonths';

function StartForm({ call: c }: { call: CmpCall }) {
  const { t, pick, locale } = useI18n();
  const navigate = useNavigate();
  const [v, setV] = useState({
    title: '',
    organisationName: '',
    partnerName: '',
    targetRegion: '',
    summary: '',
    directionKey: c.directions[0]?.key ?? '',
    applicantKind: c.applicantKinds[0] ?? 'NGO',
    language: (c.languages.includes(locale) ? locale : c.languages[0]) ?? 'ky',
    durationMonths: String(c.maxDurationMonths),
  });
  const keys: StartField[] = ['title', 'organisationName', 'partnerName', 'targetRegion', 'summary', 'directionKey', 'applicantKind', 'language', 'durationMonths'];
  const form = useFormSubmit<StartField>(Object.fromEntries(keys.map((k) => [`input.${k}`, k])) as Record<string, StartField>);
  const set = (k: StartField) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = (['title', 'organisationName', 'targetRegion'] as const).filter((k) => !v[k].trim());
    const months = Number(v.durationMonths);
    if (missing.length || !Number.isInteger(months) || months < 1) {
      return form.setErrors({
        fields: { ...Object.fromEntries(missing.map((k) => [k, { key: 'errors.validation.required' }])), ...(!Number.isInteger(months) || months < 1 ? { durationMonths: { key: 'competitions.web.apply.monthsInvalid' } } : {}) },
        general: { key: 'errors.BAD_USER_INPUT' },
      });
    }
    void form.submit(async () => {
      const r = await graphql.request(CMP_START, {
        input: {
          callId: c.id,
          title: v.title.trim(),
          organisationName: v.organisationName.trim(),
          partnerName: v.partnerName.trim() || null,
          targetRegion: v.targetRegion.trim(),
          summary: v.summary.trim() || null,
          directionKey: v.directionKey,
          applicantKind: v.applicantKind as ApplicantKind,
          language: v.language as CallLanguage,
          durationMonths: months,
        },
      });
      navigate(`/competitions/applications/${r.startApplication.id}`);
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="cmp-apply">
      <FormAlert text={form.general} />
      <Field label={t('competitions.web.apply.fieldTitle')} value={v.title} onChange={set('title')} error={form.fieldError('title')} required maxLength={300} />
      <SelectField label={t('competitions.web.apply.kind')} value={v.applicantKind} onChange={set('applicantKind')} error={form.fieldError('applicantKind')}>
        {c.applicantKinds.map((k) => (
          <option key={k} value={k}>
            {t(KIND_KEY[k])}
          </option>
        ))}
      </SelectField>
      <Field label={t('competitions.web.apply.organisation')} hint={t('competitions.web.apply.organisationHint')} value={v.organisationName} onChange={set('organisationName')} error={form.fieldError('organisationName')} required maxLength={300} />
      <Field label={t('competitions.web.apply.partner')} value={v.partnerName} onChange={set('partnerName')} error={form.fieldError('partnerName')} maxLength={300} />
      <Field label={t('competitions.web.apply.region')} value={v.targetRegion} onChange={set('targetRegion')} error={form.fieldError('targetRegion')} required maxLength={300} />
      <SelectField label={t('competitions.web.apply.direction')} value={v.directionKey} onChange={set('directionKey')} error={form.fieldError('directionKey')}>
        {c.directions.map((d) => (
          <option key={d.key} value={d.key}>
            {pick(d.name)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('competitions.web.apply.language')} value={v.language} onChange={set('language')} error={form.fieldError('language')}>
        {c.languages.map((l) => (
          <option key={l} value={l}>
            {t(LANGUAGE_KEY[l as CallLanguage] ?? l)}
          </option>
        ))}
      </SelectField>
      <Field label={t('competitions.web.apply.months')} hint={t('competitions.web.call.months', { count: c.maxDurationMonths })} inputMode="numeric" value={v.durationMonths} onChange={set('durationMonths')} error={form.fieldError('durationMonths')} required />
      <TextAreaField label={t('competitions.web.apply.summary')} value={v.summary} onChange={set('summary')} error={form.fieldError('summary')} rows={3} maxLength={2000} />
      <button type="submit" className="button" disabled={form.busy}>
        {t('competitions.web.apply.start')}
      </button>
    </form>
  );
}
