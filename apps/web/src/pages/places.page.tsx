import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Country, SEARCH_TERRITORY, TERRITORY_ROOTS } from '../api/territory.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../ui/page-heading.component';
import { ErrorMessage, Loading } from '../ui/query-status.component';
import { UnitList } from '../ui/unit-list.component';

const COUNTRIES: Country[] = ['KG', 'KZ'];
const SEARCH_LIMIT = 30;
const MIN_QUERY = 2;

/** Territory browser: search by name, or walk down from the oblasts of a country. */
export default function PlacesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const country = (params.get('country') as Country | null) ?? 'KG';
  const [draft, setDraft] = useState(query);
  const inputId = useId();

  // Follow the URL when it changes from outside (back button), but never eat a space being typed.
  useEffect(() => setDraft((d) => (d.trim() === query ? d : query)), [query]);

  // Searching as one types, but only after a pause: every keystroke is a request on a 3G link.
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    const trimmed = draft.trim();
    if (trimmed === query || (trimmed.length > 0 && trimmed.length < MIN_QUERY)) return;
    pause.current = setTimeout(() => update({ q: trimmed }), 500);
    return () => clearTimeout(pause.current);
    // Only typing restarts the pause.
  }, [draft]);

  function update(next: { q?: string; country?: Country }) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Searching now: the pending search-as-you-type is not needed any more.
    clearTimeout(pause.current);
    update({ q: draft.trim() });
  };

  return (
    <>
      <PageHeading>{t('places.title')}</PageHeading>
      <form role="search" onSubmit={onSubmit} className="search">
        <label htmlFor={inputId}>{t('places.search.label')}</label>
        <div className="search__row">
          <input
            id={inputId}
            type="search"
            name="q"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t('places.search.submit')}
          </button>
        </div>
      </form>
      {query.length >= MIN_QUERY ? (
        <SearchResults query={query} />
      ) : (
        <section aria-labelledby={`${inputId}-browse`}>
          <h2 id={`${inputId}-browse`}>{t('places.browse')}</h2>
          <div className="language-switch" role="group" aria-label={t('places.country')}>
            {COUNTRIES.map((c) => (
              <button
                key={c}
                type="button"
                className={c === country ? 'chip chip--active' : 'chip'}
                aria-pressed={c === country}
                onClick={() => update({ country: c })}
              >
                {t(`country.${c}`)}
              </button>
            ))}
          </div>
          <Roots country={country} />
        </section>
      )}
    </>
  );
}

function SearchResults({ query }: { query: string }) {
  const { t } = useI18n();
  const { data, error, loading, retry } = useQuery(
    SEARCH_TERRITORY,
    { query, limit: SEARCH_LIMIT },
    { cache: true },
  );
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  const units = data.searchTerritory;
  return (
    <section aria-live="polite">
      <p className="status">{units.length ? t('places.search.results', { count: units.length }) : t('places.search.none')}</p>
      <UnitList units={units} context />
    </section>
  );
}

function Roots({ country }: { country: Country }) {
  const { data, error, loading, retry } = useQuery(
    TERRITORY_ROOTS,
    { country },
    { cache: true },
  );
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  return <UnitList units={data.territoryRoots} />;
}
