import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField } from '../../ui/field.component';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CW_DIRECTORY, CouncilBodyKind } from './councils.operations';
import { BODY_KINDS, KIND_KEY, matchesText } from './labels';
import { CouncilsNav } from './councils-nav.component';
import './councils.css';

/** Every public council and civic body, filtered by kind (on the server) and by words (on the phone, the list is short). */
export default function CouncilDirectoryPage() {
  const { t, pick } = useI18n();
  const [kind, setKind] = useState<CouncilBodyKind | ''>('');
  const [text, setText] = useState('');
  const bodies = useQuery(CW_DIRECTORY, { filter: kind ? { kind } : null });
  return (
    <>
      <CouncilsNav />
      <PageHeading>{t('councils.web.directory.title')}</PageHeading>
      <form className="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('councils.web.directory.kind')} value={kind} onChange={(e) => setKind(e.target.value as CouncilBodyKind | '')}>
          <option value="">{t('councils.web.directory.allKinds')}</option>
          {BODY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_KEY[k])}
            </option>
          ))}
        </SelectField>
        <Field label={t('councils.web.directory.text')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </form>
      {bodies.error ? (
        <ErrorMessage error={bodies.error} onRetry={bodies.retry} />
      ) : !bodies.data ? (
        <Loading />
      ) : (
        (() => {
          const list = bodies.data.councilDirectory.filter((b) =>
            matchesText([b.name.ky, b.name.ru, b.name.en, b.name.kk, b.mandate, b.customLabel, b.stateBody && pick(b.stateBody.name)].filter(Boolean).join(' '), text),
          );
          return list.length === 0 ? (
            <p className="muted">{t('councils.web.directory.empty')}</p>
          ) : (
            <ul className="list">
              {list.map((b) => (
                <li key={b.id}>
                  <Link className="list__link" to={`/councils/${b.id}`}>
                    <span className="list__title">{pick(b.name)}</span>
                    <span className="list__meta">
                      {b.kind === 'CUSTOM' && b.customLabel ? b.customLabel : t(KIND_KEY[b.kind])}
                      {' · '}
                      {b.stateBody ? t('councils.web.attachedState', { name: pick(b.stateBody.name) }) : t('councils.web.attachedCommunity')}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          );
        })()
      )}
    </>
  );
}
