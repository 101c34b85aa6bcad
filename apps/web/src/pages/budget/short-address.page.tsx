import { useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useSession } from '../../session/session.context';
import { PUBLIC_BUDGET_BY_SLUG } from './public-budget.operations';
import { BudgetNotFound, PublicBudgetResult } from './public-budget.page';

/** The short shareable address /b/<community slug>/<year>: the same public page as /budgets/:id. */
export default function ShortAddressBudgetPage() {
  const { slug = '', year = '' } = useParams();
  const fiscalYear = /^\d{4}$/.test(year) ? Number(year) : null;
  const { status } = useSession();
  const { data, error, loading, retry } = useQuery(PUBLIC_BUDGET_BY_SLUG, fiscalYear ? { slug, year: fiscalYear } : null, { scope: status === 'authenticated' ? 'signed-in' : undefined });
  if (!fiscalYear) return <BudgetNotFound />;
  return <PublicBudgetResult data={data?.budgetBySlug} anchor={data?.auditAnchor} error={error} loading={loading} retry={retry} />;
}
