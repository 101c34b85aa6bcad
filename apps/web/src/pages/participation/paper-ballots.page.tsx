import { FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { dateTimeFormatter } from '../../i18n/intl-format';
import { outboxSender, sendOrQueueIdempotent, sendOrQueueWrite } from '../../offline/offline-runtime';
import { useSession } from '../../session/session.context';
import { Field } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { countedCost, rankedChoices, sheetProblem } from './ballot';
import { forbiddenSays } from './forbidden';
import { useMoney } from './money.hook';
import { PB_ENTER_PAPER_BALLOT, PB_MEMBERS, PB_PAPER_SHEETS, PB_PROCESS, PB_REGISTER_PAPER_VOTERS, PbProcess } from './participation.operations';
import type { PaperSheetStatus } from '../../api/generated/graphql';
import './participation.css';

const SHEET_STATUS_KEY: Record<PaperSheetStatus, string> = {
  PENDING: 'participation.paper.status.PENDING',
  COUNTED: 'participation.paper.status.COUNTED',
  MISMATCH: 'participation.paper.status.MISMATCH',
};

/**
 * Paper ballots from a village meeting, entered by a budget-group member on the phone: each sheet with
 * its written number, and the meeting's list of who voted on paper. Without a connection both go into
 * the phone's outbox (the sheet under an id made here, so a batch sent again counts once) and are sent
 * when the connection returns; the queue shows at the top of every page. Sheets whose two entries differ
 * are listed, for a third entry from the paper.
 */
export default function PaperBallotsPage() {
  const { processId = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  const { data, error, retry } = useQuery(PB_PROCESS, status === 'loading' ? null : { id: processId }, { scope: status });
  useEffect(() => outboxSender.onSent(() => setReload((n) => n + 1)), []);

  if (error && !data) return <ErrorMessage error={error} onRetry={retry} />;
  if (!data) return <Loading />;
  const p = data.participatoryProcess;
  return (
    <>
      <p className="back-link">
        <Link to={`/participation/${p.id}`}>{pick(p.title)}</Link>
      </p>
      <PageHeading>{t('participation.paper.title', { title: pick(p.title) })}</PageHeading>
      {!p.viewerCanManage ? (
        <p className="pb-note">{t('participation.organiser.forbidden')}</p>
      ) : p.phase !== 'VOTING' ? (
        <p className="pb-note">{t('participation.paper.onlyVoting')}</p>
      ) : (
        <>
          <p>{t('participation.paper.intro')}</p>
          <PrintSheets processId={p.id} />
          <SheetForm process={p} />
          <PaperVoters process={p} />
          <Mismatches process={p} reload={reload} />
        </>
      )}
    </>
  );
}

/** Printable sheets for the meeting, in each language of the ballot: the PDF (prints anywhere) and the HTML page. */
function PrintSheets({ processId }: { processId: string }) {
  const { t } = useI18n();
  const base = `/api/public/participation/processes/${encodeURIComponent(processId)}`;
  return (
    <section aria-labelledby="pb-print-heading" className="pb-print">
      <h2 id="pb-print-heading">{t('participation.paper.printTitle')}</h2>
      <ul>
        {(['ky', 'ru', 'kk'] as const).map((lang) => (
          <li key={lang}>
            <a href={`${base}/ballot-sheet.pdf?lang=${lang}&count=30`} download>
              {t('participation.paper.printPdf', { language: t(`language.name.${lang}`) })}
            </a>{' '}
            <a href={`${base}/ballot-sheet?lang=${lang}&count=30`}>{t('participation.paper.printHtml')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SheetForm({ process: p }: { process: PbProcess }) {
  const { t, formatNumber } = useI18n();
  const money = useMoney(p.currency);
  const options = p.proposals.filter((x) => x.status === 'FEASIBLE');
  const [sheet, setSheet] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [points, setPoints] = useState<Record<string, string>>({});
  const [places, setPlaces] = useState<Record<string, number>>({});
  const [said, setSaid] = useState<string | null>(null);
  const form = useFormSubmit<'sheet'>({ 'input.sheetCode': 'sheet' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    const code = sheet.trim();
    if (!code) {
      form.setErrors({ fields: { sheet: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    let choices: string[];
    let pointList: number[] | undefined;
    if (p.ballotKind === 'CUMULATIVE') {
      const entries = options.map((x) => [x.id, Number(points[x.id] || 0)] as const).filter(([, n]) => n > 0);
      choices = entries.map(([id]) => id);
      pointList = entries.map(([, n]) => n);
    } else if (p.ballotKind === 'RANKING') {
      choices = rankedChoices(places);
    } else {
      choices = options.map((x) => x.id).filter((id) => chosen.includes(id));
    }
    const problem = sheetProblem(p, options.map((x) => ({ id: x.id, cost: countedCost(x) })), choices, pointList);
    if (problem) {
      form.setErrors({ fields: {}, general: problem });
      return;
    }
    void form.submit(async () => {
      const r = await forbiddenSays('participation.organiser.forbidden', () =>
        sendOrQueueWrite(PB_ENTER_PAPER_BALLOT, { input: { processId: p.id, sheetCode: code, choices, ...(pointList ? { points: pointList } : {}) } }, { key: 'offline.op.paperBallot', params: { sheet: code } }),
      );
      setSaid(r.queued ? t('participation.paper.queued', { sheet: code }) : t('participation.paper.saved', { sheet: r.data.enterPaperBallot.sheetCode, status: t(SHEET_STATUS_KEY[r.data.enterPaperBallot.status]) }));
      // Ready for the next sheet.
      setSheet('');
      setChosen([]);
      setPoints({});
      setPlaces({});
    });
  };

  return (
    <form className="form pb-form" onSubmit={submit} noValidate aria-labelledby="pb-sheet-heading">
      <h2 id="pb-sheet-heading">{t('participation.paper.sheetTitle')}</h2>
      <FormAlert text={form.general} />
      <Field label={t('participation.paper.sheet')} hint={t('participation.paper.sheetHint')} value={sheet} onChange={(e) => setSheet(e.target.value)} error={form.fieldError('sheet')} maxLength={40} autoComplete="off" required />
      {(p.ballotKind === 'APPROVAL' || p.ballotKind === 'KNAPSACK') && (
        <fieldset className="choices pb-choices">
          <legend>{t('participation.ballot.choices')}</legend>
          {options.map((x) => (
            <label key={x.id} className="checkbox pb-choice">
              <input type="checkbox" checked={chosen.includes(x.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, x.id] : c.filter((id) => id !== x.id)))} />
              {t('participation.ballot.option', { title: x.title, cost: money(countedCost(x)) })}
            </label>
          ))}
        </fieldset>
      )}
      {p.ballotKind === 'CUMULATIVE' &&
        options.map((x) => (
          <div key={x.id} className="field">
            <label htmlFor={`pb-paper-points-${x.id}`}>{t('participation.ballot.points', { title: x.title })}</label>
            <input id={`pb-paper-points-${x.id}`} inputMode="numeric" value={points[x.id] ?? ''} onChange={(e) => setPoints((s) => ({ ...s, [x.id]: e.target.value.replace(/\D/g, '') }))} />
          </div>
        ))}
      {p.ballotKind === 'RANKING' &&
        options.map((x) => (
          <div key={x.id} className="field">
            <label htmlFor={`pb-paper-rank-${x.id}`}>{t('participation.ballot.rank', { title: x.title })}</label>
            <select id={`pb-paper-rank-${x.id}`} value={places[x.id] ?? 0} onChange={(e) => setPlaces((s) => ({ ...s, [x.id]: Number(e.target.value) }))}>
              <option value={0}>{t('participation.ballot.rankNone')}</option>
              {options.map((_, i) => (
                <option key={i} value={i + 1}>
                  {formatNumber(i + 1)}
                </option>
              ))}
            </select>
          </div>
        ))}
      <button type="submit" className="button" disabled={form.busy}>
        {t('participation.paper.submit')}
      </button>
      <p role="status">{said ?? ''}</p>
    </form>
  );
}

function PaperVoters({ process: p }: { process: PbProcess }) {
  const { t } = useI18n();
  const { status } = useSession();
  const members = useQuery(PB_MEMBERS, status === 'loading' ? null : { id: p.communityId }, { scope: status });
  const [ticked, setTicked] = useState<string[]>([]);
  const [said, setSaid] = useState<string | null>(null);
  const form = useFormSubmit();
  const people = members.data?.community.members.map((m) => m.member) ?? [];
  const nameOf = (id: string) => people.find((m) => m.id === id)?.displayName ?? id;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    if (!ticked.length) {
      form.setErrors({ fields: {}, general: { key: 'participation.paper.votersNone' } });
      return;
    }
    const accountIds = [...ticked];
    void form.submit(async () => {
      const r = await forbiddenSays('participation.organiser.forbidden', () =>
        sendOrQueueIdempotent(PB_REGISTER_PAPER_VOTERS, { processId: p.id, accountIds }, { key: 'offline.op.paperVoters', params: { count: accountIds.length } }),
      );
      if (r.queued) setSaid(t('participation.paper.votersQueued'));
      else {
        const { registered, alreadyVoted } = r.data.registerPaperVoters;
        setSaid([t('participation.paper.votersSaved', { count: registered }), alreadyVoted.length ? t('participation.paper.votersAlready', { names: alreadyVoted.map(nameOf).join(', ') }) : ''].join(' ').trim());
      }
      setTicked([]);
    });
  };

  if (members.error && !members.data) return <ErrorMessage error={members.error} onRetry={members.retry} />;
  return (
    <form className="form pb-form" onSubmit={submit} noValidate aria-labelledby="pb-voters-heading">
      <h2 id="pb-voters-heading">{t('participation.paper.votersTitle')}</h2>
      <p className="muted">{t('participation.paper.votersHint')}</p>
      <FormAlert text={form.general} />
      {!members.data ? (
        <Loading />
      ) : (
        <fieldset className="choices">
          <legend>{t('participation.paper.votersTitle')}</legend>
          {people.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="checkbox" checked={ticked.includes(m.id)} onChange={(e) => setTicked((c) => (e.target.checked ? [...c, m.id] : c.filter((id) => id !== m.id)))} />
              {m.displayName}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button" disabled={form.busy}>
        {t('participation.paper.votersSubmit')}
      </button>
      <p role="status">{said ?? ''}</p>
    </form>
  );
}

function Mismatches({ process: p, reload }: { process: PbProcess; reload: number }) {
  const { t, locale } = useI18n();
  const { status } = useSession();
  const { data } = useQuery(PB_PAPER_SHEETS, status === 'loading' ? null : { processId: p.id, status: 'MISMATCH', reload }, { scope: status });
  const title = (id: string) => p.proposals.find((x) => x.id === id)?.title ?? id;
  if (!data) return null;
  const sheets = data.paperSheets;
  return (
    <section aria-labelledby="pb-mismatch-heading">
      <h2 id="pb-mismatch-heading">{t('participation.paper.mismatches')}</h2>
      {sheets.length === 0 ? (
        <p className="muted">{t('participation.paper.mismatchesNone')}</p>
      ) : (
        <>
          <p>{t('participation.paper.mismatchHelp')}</p>
          <ul className="pb-proposals">
            {sheets.map((s) => (
              <li key={s.sheetCode} className="pb-proposal">
                <h3 className="pb-proposal__title">{t('participation.paper.sheetLabel', { sheet: s.sheetCode })}</h3>
                <ul className="pb-steps">
                  {s.entries.map((e) => (
                    <li key={e.id}>
                      {t('participation.paper.entry', {
                        time: dateTimeFormatter(locale).format(new Date(e.createdAt)),
                        choices: e.choices.map((id, i) => `«${title(id)}»${e.points ? ` ${e.points[i]}` : ''}`).join(', ') || '—',
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
