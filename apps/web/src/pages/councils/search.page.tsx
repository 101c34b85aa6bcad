import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { DateField, readDisplayDate } from '../../ui/date-field.component';
import { Field, SelectField } from '../../ui/field.component';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CW_DIRECTORY, CW_SEARCH } from './councils.operations';
import { CouncilsNav } from './councils-nav.component';
import './councils.css';
import { OUTCOME_KEY } from './labels';

interface Criteria {
  text: string;
  bodyId: string;
  from: string;
  to: string;
}

/** Decisions of every body found by words (Kyrgyz letters folded on the server), body and date; each links to its meeting. */
export default function CouncilDecisionSearchPage() {
  const { t, pick, formatDate } = useI18n();
  const bodies = useQuery(CW_DIRECTORY, { filter: null }, { cache: true });
  const [draft, setDraft] = useState<Criteria>({ text: '', bodyId: '', from: '', to: '' });
  const [dateError, setDateError] = useState<{ from?: string; to?: string }>({});
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const results = useQuery(
    CW_SEARCH,
    criteria && { input: { text: criteria.text || null, bodyId: criteria.bodyId || null, from: criteria.from || null, to: criteria.to || null, limit: 50 } },
  );
  const bodyName = new Map((bodies.data?.councilDirectory ?? []).map((b) => [b.id, pick(b.name)]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = draft.from ? readDisplayDate(draft.from) : '';
    const to = draft.to ? readDisplayDate(draft.to) : '';
    const errs = { from: from === null ? t('errors.validation.invalid') : undefined, to: to === null ? t('errors.validation.invalid') : undefined };
    setDateError(errs);
    if (errs.from || errs.to) return;
    setCriteria({ text: draft.text.trim(), bodyId: draft.bodyId, from: from ?? '', to: to ?? '' });
  };

  return (
    <>
      <CouncilsNav />
      <PageHeading>{t('councils.web.search.title')}</PageHeading>
      <form className="form" role="search" onSubmit={submit} noValidate>
        <Field label={t('councils.web.search.text')} type="search" value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
        <SelectField label={t('councils.web.search.body')} value={draft.bodyId} onChange={(e) => setDraft({ ...draft, bodyId: e.target.value })}>
          <option value="">{t('councils.web.search.allBodies')}</option>
          {(bodies.data?.councilDirectory ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {pick(b.name)}
            </option>
          ))}
        </SelectField>
        <DateField label={t('councils.web.search.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} error={dateError.from} />
        <DateField label={t('councils.web.search.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} error={dateError.to} />
        <button type="submit" className="button">
          {t('councils.web.search.submit')}
        </button>
      </form>
      {criteria &&
        (results.error ? (
          <ErrorMessage error={results.error} onRetry={results.retry} />
        ) : !results.data ? (
          <Loading />
        ) : (
          <section aria-live="polite" aria-labelledby="cw-results">
            <h2 id="cw-results">{t('councils.web.search.results', { count: results.data.searchCouncilDecisions.length })}</h2>
            <ul className="list">
              {results.data.searchCouncilDecisions.map((d) => (
                <li key={d.id}>
                  <Link className="list__link" to={`/councils/meetings/${d.meetingId}`}>
                    <span className="list__title">{d.text}</span>
                    <span className="list__meta">
                      {t(OUTCOME_KEY[d.outcome])} · {formatDate(d.decidedOn)} · {bodyName.get(d.bodyId) ?? ''}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
