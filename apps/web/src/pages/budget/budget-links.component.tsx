import { Link } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { BudgetLink, COMMUNITY_BUDGET_LINKS } from './budget.operations';
import { STATUS_KEY } from './labels';

/** Where a budget's public page is: its short address when the community has one (shareable, readable). */
export function publicHref(b: Pick<BudgetLink, 'id' | 'publicPath'>): string {
  return b.publicPath ?? `/budgets/${b.id}`;
}

/**
 * Way-finding: a community's budgets as links, latest year first. Everybody gets the published ones;
 * the budget group and the admin (the API answers `openVersion` only to them) also get the draft, to the editor.
 */
export function CommunityBudgetLinks({ communityId, communityName }: { communityId: string; communityName?: string }) {
  const { t, pick } = useI18n();
  const { status } = useSession();
  const { data } = useQuery(COMMUNITY_BUDGET_LINKS, status === 'loading' ? null : { id: communityId }, { scope: status });
  if (!data) return null;
  const rows = data.budgetsOfCommunity.filter((b) => b.publicVersion || b.openVersion);
  if (!rows.length) return <p className="muted">{t('wayfinding.noPublicBudgets')}</p>;
  return (
    <ul className="budget-links" aria-label={communityName ? t('wayfinding.budgetsOf', { name: communityName }) : t('wayfinding.budgets')}>
      {rows.map((b) => (
        <li key={b.id}>
          {b.publicVersion && (
            <Link to={publicHref(b)} className="budget-links__link">
              <span className="list__title">{t('wayfinding.budgetOfYear', { year: b.fiscalYear })}</span>
              <span className="list__meta">
                {/* The title only when it says more than the year label does. */}
                {pick(b.title) && pick(b.title) !== t('wayfinding.budgetOfYear', { year: b.fiscalYear }) ? `${pick(b.title)} · ` : ''}
                {t(STATUS_KEY[b.publicVersion.status])}
              </span>
            </Link>
          )}
          {b.openVersion && (
            <Link to={`/budgets/${b.id}/edit`} className="budget-links__link">
              <span className="list__title">{t('wayfinding.draftOfYear', { year: b.fiscalYear })}</span>
              <span className="list__meta">{t(STATUS_KEY[b.openVersion.status])}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
