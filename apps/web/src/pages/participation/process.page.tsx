import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { outboxSender } from '../../offline/offline-runtime';
import { useAuthLinks } from '../../session/return-here.hook';
import { useSession } from '../../session/session.context';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { AnnouncementForm, AnnouncementList, MessageUpdatesToggle } from './announcements.component';
import { BallotForm } from './ballot-form.component';
import { forbiddenSays } from './forbidden';
import { countingKey, nextPhase, PHASE_ABOUT_KEY, PHASE_KEY, PHASES, PROPOSAL_STATUS_KEY } from './labels';
import { useMoney } from './money.hook';
import { PB_COMMUNITY, PB_MOVE_PHASE, PB_PROCESS, PB_SUPPORT_PROPOSAL, PbProcess, PbProposal } from './participation.operations';
import { EditProposalForm } from './edit-proposal-form.component';
import { EditRulesForm } from './edit-rules-form.component';
import { ProposeForm } from './propose-form.component';
import { Results } from './results.component';
import { ReviewForm } from './review-form.component';
import { ScheduleSection } from './schedule.component';
import { VoterVerification } from './voter-verification.component';
import type { PbProcessQuery } from '../../api/generated/graphql';
import './participation.css';

/** One participatory-budgeting process: its stage, rules in plain words, proposals, and what can be done now. */
export default function ProcessPage() {
  const { processId = '' } = useParams();
  const { t, pick, formatDate, formatNumber } = useI18n();
  const { status } = useSession();
  const authLinks = useAuthLinks();
  const [reload, setReload] = useState(0);
  const { data, error, retry } = useQuery(PB_PROCESS, status === 'loading' ? null : { id: processId, reload }, { scope: status });
  // While it reloads after a step (support, review, ballot) the page keeps what it showed: no flash of "loading".
  const last = useRef<PbProcessQuery | null>(null);
  if (data) last.current = data;
  const shown = data ?? (last.current?.participatoryProcess.id === processId ? last.current : null);
  const communityId = shown?.participatoryProcess.communityId;
  const community = useQuery(PB_COMMUNITY, communityId && status !== 'loading' ? { id: communityId } : null, { scope: status });
  const money = useMoney(shown?.participatoryProcess.currency ?? 'KGS');
  const refresh = () => setReload((n) => n + 1);
  // Proposals queued on this phone show once the outbox has sent them.
  useEffect(() => outboxSender.onSent(() => setReload((n) => n + 1)), []);

  if (error && !shown) return <ErrorMessage error={error} onRetry={retry} />;
  if (!shown) return <Loading />;
  const p = shown.participatoryProcess;
  const member = (community.data?.community.myRoles.length ?? 0) > 0;
  const signedIn = status === 'authenticated';
  const visiblePhases = PHASES.filter((x) => x !== 'DRAFT' || p.phase === 'DRAFT');
  const description = pick(p.description);

  return (
    <>
      <p className="back-link">
        <Link to={`/communities/${p.communityId}/participation`}>{t('participation.back')}</Link>
      </p>
      <PageHeading>{pick(p.title)}</PageHeading>
      <ol className="pb-phases" aria-label={t('participation.phases')}>
        {visiblePhases.map((x) => (
          <li key={x} aria-current={x === p.phase ? 'step' : undefined} className={x === p.phase ? 'pb-phases__now' : undefined}>
            {t(PHASE_KEY[x])}
          </li>
        ))}
      </ol>
      <dl className="facts">
        <div>
          <dt>{t('participation.fact.phase')}</dt>
          <dd>
            {t(PHASE_KEY[p.phase])}
            <span className="pb-about">{t(PHASE_ABOUT_KEY[p.phase])}</span>
          </dd>
        </div>
        <div>
          <dt>{t('participation.fact.envelope')}</dt>
          <dd>{money(p.envelope)}</dd>
        </div>
        {(p.phase === 'VOTING' || p.phase === 'RESULTS' || p.phase === 'IMPLEMENTATION') && (
          <div>
            <dt>{t('participation.fact.voters')}</dt>
            <dd>{t('participation.fact.votersCount', { count: p.turnout.voters })}</dd>
          </div>
        )}
        {p.minAge !== null && (
          <div>
            <dt>{t('participation.fact.minAge')}</dt>
            <dd>{t('participation.fact.minAgeValue', { age: p.minAge })}</dd>
          </div>
        )}
      </dl>
      {description && <p className="pb-description">{description}</p>}
      <ScheduleSection key={`${p.phase}-${p.schedule.length}`} process={p} onSaved={refresh} />

      <section aria-labelledby="pb-rules-heading">
        <h2 id="pb-rules-heading">{t('participation.rules.title')}</h2>
        <p>{rulesSentence(p, t, money, formatNumber)}</p>
        <p>{t(countingKey(p.ballotKind, p.countingRule))}</p>
        {p.rulesFrozenAt && <p className="muted">{t('participation.rules.frozen', { date: formatDate(p.rulesFrozenAt) })}</p>}
        {p.viewerCanManage && !p.rulesFrozenAt && <EditRulesForm process={p} onSaved={refresh} />}
      </section>

      {!signedIn && status !== 'loading' && (
        <p className="pb-note">
          <Link to={authLinks.logIn}>{t('participation.signIn')}</Link>
        </p>
      )}
      {signedIn && community.data && !member && <p className="pb-note">{t('participation.membersOnly')}</p>}
      <AnnouncementList process={p} />
      {signedIn && member && p.phase !== 'DRAFT' && <MessageUpdatesToggle key={String(p.messageUpdatesForMe)} process={p} onChanged={refresh} />}

      {p.phase === 'VOTING' && signedIn && member && (
        <VoterVerification process={p}>
          <BallotForm process={p} onCast={refresh} />
        </VoterVerification>
      )}
      {(p.phase === 'RESULTS' || p.phase === 'IMPLEMENTATION') && <Results process={p} />}

      {p.viewerCanManage && p.verification === 'IN_PERSON' && (
        <p>
          <Link className="button button--secondary" to={`/communities/${p.communityId}/participation/verify`}>
            {t('verification.inPerson.link')}
          </Link>
        </p>
      )}
      {p.phase === 'VOTING' && p.viewerCanManage && (
        <p>
          <Link className="button button--secondary" to={`/participation/${p.id}/paper`}>
            {t('participation.paper.link')}
          </Link>
        </p>
      )}

      <Proposals process={p} canSupport={signedIn && member && p.phase === 'IDEAS'} canReview={p.viewerCanManage && p.phase === 'REVIEW'} onChange={refresh} />
      {p.phase === 'IDEAS' && signedIn && member && <ProposeForm process={p} onSent={refresh} />}
      {/* Shown to those the API says may manage the process (it checks again on every step). */}
      {p.viewerCanManage && <OrganiserControls process={p} onMoved={refresh} />}
      {p.viewerCanManage && p.phase !== 'DRAFT' && <AnnouncementForm process={p} onSent={refresh} />}
    </>
  );
}

function rulesSentence(p: PbProcess, t: (k: string, params?: Record<string, string | number>) => string, money: (m: string) => string, n: (x: number) => string): string {
  switch (p.ballotKind) {
    case 'KNAPSACK':
      return t('participation.rules.knapsack', { envelope: money(p.envelope) });
    case 'CUMULATIVE':
      return t('participation.rules.cumulative', { points: n(p.maxPoints ?? 0) });
    case 'RANKING':
      return t('participation.rules.ranking');
    default:
      return p.maxChoices !== null ? t('participation.rules.approvalMax', { min: p.minChoices, max: p.maxChoices }) : t('participation.rules.approval', { min: p.minChoices });
  }
}

function Proposals({ process: p, canSupport, canReview, onChange }: { process: PbProcess; canSupport: boolean; canReview: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const money = useMoney(p.currency);
  const support = useFormSubmit();
  const toggle = (x: PbProposal) =>
    void support.submit(async () => {
      await forbiddenSays('participation.membersOnly', () => graphql.request(PB_SUPPORT_PROPOSAL, { id: x.id, support: !x.supportedByMe }));
      onChange();
    });
  return (
    <section aria-labelledby="pb-proposals-heading">
      <h2 id="pb-proposals-heading">
        {t('participation.proposals.title')} <span className="count">({p.proposals.length})</span>
      </h2>
      <FormAlert text={support.general} />
      {p.proposals.length === 0 ? (
        <p className="muted">{t('participation.proposals.empty')}</p>
      ) : (
        <ul className="pb-proposals">
          {p.proposals.map((x) => (
            <li key={x.id} className="pb-proposal">
              <h3 className="pb-proposal__title">{x.title}</h3>
              <p className={`pb-status pb-status--${x.status.toLowerCase()}`}>{t(PROPOSAL_STATUS_KEY[x.status])}</p>
              <p className="pb-proposal__text">{x.description}</p>
              <p className="list__meta">{t('participation.proposal.estimated', { cost: money(x.estimatedCost) })}</p>
              {x.reviewedCost && <p className="list__meta">{t('participation.proposal.reviewed', { cost: money(x.reviewedCost) })}</p>}
              {x.rejectionReason && <p className="pb-reason">{t('participation.proposal.reason', { reason: x.rejectionReason })}</p>}
              <p className="list__meta">{t('participation.proposal.supports', { count: x.supportCount })}</p>
              {canSupport && (
                <div className="pb-support">
                  <button type="button" className={x.supportedByMe ? 'button' : 'button button--secondary'} aria-pressed={x.supportedByMe} disabled={support.busy} onClick={() => toggle(x)}>
                    {t('participation.support.button')}
                  </button>
                  {x.supportedByMe && <span className="muted">{t('participation.support.yours')}</span>}
                </div>
              )}
              {x.viewerIsAuthor && <p className="muted">{t('participation.proposal.yours')}</p>}
              {x.viewerIsAuthor && p.phase === 'IDEAS' && <EditProposalForm proposal={x} currency={p.currency} onSaved={onChange} />}
              {canReview && <ReviewForm proposal={x} currency={p.currency} onSaved={onChange} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OrganiserControls({ process: p, onMoved }: { process: PbProcess; onMoved: () => void }) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const [moved, setMoved] = useState<string | null>(null);
  const next = nextPhase(p.phase);
  if (!next) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMoved(null);
    void form.submit(async () => {
      const r = await forbiddenSays('participation.organiser.forbidden', () => graphql.request(PB_MOVE_PHASE, { id: p.id, phase: next }));
      setMoved(r.moveProcessPhase.phase);
      onMoved();
    });
  };
  return (
    <section aria-labelledby="pb-organiser-heading" className="pb-organiser">
      <h2 id="pb-organiser-heading">{t('participation.organiser.title')}</h2>
      <p className="muted">{t('participation.organiser.hint')}</p>
      <form className="form" onSubmit={submit}>
        <FormAlert text={form.general} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('participation.organiser.next', { phase: t(PHASE_KEY[next]) })}
        </button>
      </form>
      <p role="status">{moved ? t('participation.organiser.moved', { phase: t(PHASE_KEY[moved as keyof typeof PHASE_KEY]) }) : ''}</p>
    </section>
  );
}
