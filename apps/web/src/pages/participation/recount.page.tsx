import { ChangeEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { ApiError, errorMessageKey } from '../../api/graphql-errors';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { useMoney } from './money.hook';
import { PB_BALLOT_SET, PB_RECOUNT } from './participation.operations';
import type { Recounted } from './recount-engine';
import { compare, PublishedResult, recountOptions, sha256Hex, Verdict } from './recount';
import type { RecountReply, RecountRequest } from './recount.worker';
import recountWorkerUrl from './recount.worker?worker&url';
import './participation.css';

type Source = 'published' | 'file';
type State =
  | { step: 'idle' }
  | { step: 'download' | 'hash' | 'count'; source: Source }
  | { step: 'done'; source: Source; verdict: Verdict; recounted: Recounted; sha: string; bytes: number }
  | { step: 'failed'; source: Source; key: string };

/** Runs the engine in a Web Worker (the page stays responsive); without Worker support, on the page. */
function countOffThread(request: RecountRequest): Promise<Recounted> {
  if (typeof Worker === 'undefined') return import('./recount-engine').then((m) => m.recount(request.pb, request.options));
  return new Promise((resolve, reject) => {
    // A classic worker script (Vite's default worker format): old WebViews without module workers run it too.
    const worker = new Worker(recountWorkerUrl);
    worker.onmessage = (e: MessageEvent<RecountReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage(request);
  });
}

/**
 * "Recount it yourself": the published ballot set (.pb) is downloaded (on the tap, not with the page), its SHA-256 computed here
 * (WebCrypto, or a plain implementation where there is none) and compared with the published fingerprint, and the tally engine counts it on this device
 * by the process's rule; the page says in plain words whether the winners are the published ones. A
 * .pb file from elsewhere (a copy someone kept) can be checked the same way.
 */
export default function RecountPage() {
  const { processId = '' } = useParams();
  const { t, pick, formatNumber } = useI18n();
  const { status } = useSession();
  const { data, error, retry } = useQuery(PB_RECOUNT, status === 'loading' ? null : { id: processId }, { scope: status });
  const [state, setState] = useState<State>({ step: 'idle' });
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);
  const money = useMoney(data?.participatoryProcess.currency ?? 'KGS');

  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (!data) return <Loading />;
  const p = data.participatoryProcess;
  const outcome = p.outcome;
  const name = (id: string) => p.proposals.find((x) => x.id === id)?.title ?? id;

  const run = async (source: Source, read: () => Promise<{ pb: string; published: PublishedResult }>) => {
    const set = (s: State) => live.current && setState(s);
    try {
      set({ step: 'download', source });
      const { pb, published } = await read();
      set({ step: 'hash', source });
      const sha = await sha256Hex(pb);
      set({ step: 'count', source });
      const recounted = await countOffThread({ pb, options: recountOptions(p.ballotKind, p.countingRule) });
      set({ step: 'done', source, verdict: compare(published, recounted, sha), recounted, sha, bytes: new TextEncoder().encode(pb).length });
    } catch (e) {
      // An answer of the API (no connection, say) is said as such; anything else is a file the engine cannot read.
      set({ step: 'failed', source, key: e instanceof ApiError ? errorMessageKey(e.errors[0]) : 'participation.recount.unreadable' });
    }
  };
  const recountPublished = () =>
    void run('published', async () => {
      // Asked again, not taken from the page's answer: the file and the figures it is compared with come together.
      const fresh = (await graphql.request(PB_BALLOT_SET, { id: p.id })).participatoryProcess.outcome;
      if (!fresh) throw new Error('no outcome');
      return { pb: fresh.ballotSet, published: fresh };
    });
  const recountFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file && outcome) void run('file', async () => ({ pb: await file.text(), published: outcome }));
  };
  const busy = state.step === 'download' || state.step === 'hash' || state.step === 'count';

  return (
    <>
      <p className="back-link">
        <Link to={`/participation/${p.id}`}>{pick(p.title)}</Link>
      </p>
      <PageHeading>{t('participation.recount.title')}</PageHeading>
      {!outcome ? (
        <p className="pb-note">{t('participation.recount.notYet')}</p>
      ) : (
        <>
          <p>{t('participation.recount.intro')}</p>
          <dl className="facts">
            <div>
              <dt>{t('participation.recount.publishedWinners')}</dt>
              <dd>{outcome.selected.length ? outcome.selected.map((id) => `«${name(id)}»`).join(', ') : t('participation.results.noWinners')}</dd>
            </div>
            <div>
              <dt>{t('participation.recount.publishedHash')}</dt>
              <dd className="pb-sha">{outcome.ballotSetSha256}</dd>
            </div>
          </dl>
          <div className="pb-recount-actions">
            <button type="button" className="button" disabled={busy} onClick={recountPublished}>
              {t('participation.recount.run')}
            </button>
            <label className="button button--secondary pb-file">
              {t('participation.recount.ownFile')}
              <input type="file" accept=".pb,text/plain" disabled={busy} onChange={recountFile} />
            </label>
          </div>
          <div role="status" aria-live="polite" className="pb-recount-status">
            {busy && <p>{t(STEP_KEY[state.step])}</p>}
            {state.step === 'failed' && <p className="alert">{t(state.key)}</p>}
          </div>
          {state.step === 'done' && <Report state={state} name={name} money={money} formatNumber={formatNumber} />}
        </>
      )}
    </>
  );
}

const STEP_KEY = {
  download: 'participation.recount.downloading',
  hash: 'participation.recount.hashing',
  count: 'participation.recount.counting',
} as const;

function Report({ state, name, money, formatNumber }: { state: Extract<State, { step: 'done' }>; name: (id: string) => string; money: (m: string) => string; formatNumber: (n: number) => string }) {
  const { t } = useI18n();
  const { verdict: v, recounted: r } = state;
  const list = (ids: readonly string[]) => ids.map((id) => `«${name(id)}»`).join(', ');
  return (
    <section aria-labelledby="pb-recount-verdict" className={`pb-verdict ${v.agrees ? 'pb-verdict--agrees' : 'pb-verdict--differs'}`}>
      <h2 id="pb-recount-verdict">{v.agrees ? t('participation.recount.agrees') : t('participation.recount.differs')}</h2>
      <ul className="pb-steps">
        <li>{t(state.source === 'file' ? 'participation.recount.readFile' : 'participation.recount.downloaded', { ballots: formatNumber(r.ballots), projects: formatNumber(r.projects), kb: formatNumber(Math.ceil(state.bytes / 1024)) })}</li>
        <li>
          {v.sameFile ? t('participation.recount.hashSame') : t('participation.recount.hashDifferent')}
          <span className="pb-sha"> {state.sha}</span>
        </li>
        <li>
          {v.sameWinners
            ? t('participation.recount.winnersSame', { count: r.selected.length, total: money(r.totalCost) })
            : t('participation.recount.winnersDifferent', { recounted: list(r.selected) || '—' })}
        </li>
        {v.onlyRecounted.length > 0 && <li>{t('participation.recount.onlyRecounted', { projects: list(v.onlyRecounted) })}</li>}
        {v.onlyPublished.length > 0 && <li>{t('participation.recount.onlyPublished', { projects: list(v.onlyPublished) })}</li>}
        <li className="muted">{t('participation.recount.took', { seconds: formatNumber(Math.round(r.ms / 100) / 10) })}</li>
      </ul>
      {!v.agrees && <p>{t('participation.recount.differsHelp')}</p>}
    </section>
  );
}
