import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { cleanNumberInput, readWhole } from '../../ui/number-input';
import type { Message } from '../../api/graphql-errors';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { COMMUNITY_BUDGETS, CREATE_BUDGET } from './budget.operations';
import { STATUS_KEY } from './labels';
import './budget.css';

/** A community's budgets, and a form to start a new one (optionally copied from last year). */
export default function CommunityBudgetsPage() {
  const { communityId = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const navigate = useNavigate();
  const { data, error, loading, retry } = useQuery(
    COMMUNITY_BUDGETS,
    status === 'loading' ? null : { id: communityId },
    { scope: status },
  );
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [titleKy, setTitleKy] = useState('');
  const [titleRu, setTitleRu] = useState('');
  const [titleKk, setTitleKk] = useState('');
  const [population, setPopulation] = useState('');
  const [copy, setCopy] = useState(false);
  // API field → the box it belongs to (a missing title is about both title boxes: the first gets it).
  const form = useFormSubmit<string>({ 'input.fiscalYear': 'year', 'input.title': 'titleKy', 'input.title.ky': 'titleKy', 'input.title.ru': 'titleRu', 'input.title.kk': 'titleKk', 'input.population': 'population', population: 'population' });
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  const budgets = data.budgetsOfCommunity;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // "4 200", "4 200" with a no-break space: read by the kernel's parser; what cannot be read is said at its box.
    const fiscalYear = readWhole(year, { required: true });
    const residents = readWhole(population);
    if (!fiscalYear.ok || !residents.ok) {
      const fields: Record<string, Message> = {};
      if (!fiscalYear.ok) fields.year = fiscalYear.message;
      if (!residents.ok) fields.population = residents.message;
      form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    void form.submit(async () => {
      const r = await graphql.request(CREATE_BUDGET, {
        input: { communityId, fiscalYear: fiscalYear.value!, currency: data.community.unit.country === 'KZ' ? 'KZT' : 'KGS', population: residents.value, title: { ky: titleKy || null, ru: titleRu || null, kk: titleKk || null }, copyFromPreviousYear: copy },
      });
      navigate(`/budgets/${r.createBudget.id}/edit`);
    });
  };

  return (
    <>
      <PageHeading>{t('budgets.list.title')}</PageHeading>
      {budgets.length === 0 ? (
        <p className="muted">{t('budgets.list.empty')}</p>
      ) : (
        <ul className="list">
          {budgets.map((b) => (
            <li key={b.id}>
              <Link className="list__link" to={`/budgets/${b.id}`}>
                <span className="list__title">{pick(b.title)}</span>
                <span className="list__meta">
                  {b.fiscalYear} · {b.publicVersion ? t(STATUS_KEY[b.publicVersion.status]) : t('budgets.public.notPublished')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {status === 'authenticated' && (
        <form className="form" onSubmit={submit}>
          <h2>{t('budgets.list.newTitle')}</h2>
          <FormAlert text={form.general} />
          <Field label={t('budgets.list.fiscalYear')} inputMode="numeric" value={year} onChange={(e) => setYear(cleanNumberInput(e.target.value))} error={form.fieldError('year')} required />
          <Field label={t('budgets.list.titleKy')} value={titleKy} onChange={(e) => setTitleKy(e.target.value)} error={form.fieldError('titleKy')} />
          <Field label={t('budgets.list.titleRu')} value={titleRu} onChange={(e) => setTitleRu(e.target.value)} error={form.fieldError('titleRu')} />
          <Field label={t('budgets.list.titleKk')} lang="kk" value={titleKk} onChange={(e) => setTitleKk(e.target.value)} error={form.fieldError('titleKk')} />
          <Field label={t('budgets.list.population')} inputMode="numeric" value={population} onChange={(e) => setPopulation(cleanNumberInput(e.target.value))} error={form.fieldError('population')} />
          <label className="checkbox">
            <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} />
            {t('budgets.list.copyFromPreviousYear')}
          </label>
          <button type="submit" className="button" disabled={form.busy}>
            {t('budgets.list.create')}
          </button>
        </form>
      )}
    </>
  );
}
