/**
 * The public budget page's queries, in a module of their own so the first screen can start them before the
 * page's code has arrived (api/route-prefetch.ts): it weighs a few hundred bytes, not all budget operations.
 */
import type { PublicBudgetBySlugQuery, PublicBudgetBySlugQueryVariables, PublicBudgetQuery, PublicBudgetQueryVariables } from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

const TOTALS = `totals { revenue expenditure balance revenueActual expenditureActual expenditurePercent revenuePercent expenditurePerResident revenuePerResident
    revenueBudgetFunds revenueSpecialFunds expenditureBudgetFunds expenditureSpecialFunds
    revenueSources { own equalisationGrant categoricalGrants otherTransfers transfers ownPercent }
    forecasts { fiscalYear revenue expenditure balance lines } }`;

/** A version as every budget page shows it (also the editor's, in budget.operations.ts). */
export const VERSION_FIELDS = `id number status kind revision reason commentsUntil decisionDate decisionNumber decisionFileUrl ${TOTALS}
  lines { lineKey direction economicCode functionalCode names { ky ru en kk } functionalNames { ky ru en kk } amount budgetFunds specialFunds forecastYear1 forecastYear2 actual percent }
  exportLinks { csv csvExcel xlsx json datapackage }`;

/** Everything a note exposes; the API gives anonymous visitors resolved notes only, with the same fields. */
export const NOTE_FIELDS = `id title body status lineKey transactionId createdAt resolvedAt author { displayName } replies { id body createdAt author { displayName } }`;

/** Q1–Q4 per side, the newest treasury report and the payments' totals (lines per quarter stay in the API). */
const QUARTERLY = `quarterly { executedSource executedAsOf paymentsRevenue paymentsExpenditure
    treasury { asOf revenue { actual revisedPlan } expenditure { actual revisedPlan } }
    sides { direction planned quarters { quarter planned treasuryActual treasuryAsOf paymentsActual actual source } } }`;

// The public page's selection; the by-id and by-address queries ask for exactly the same (one component renders both).
const PUBLIC_FIELDS = `id communityId fiscalYear currency population title { ky ru en kk } viewerCanEdit publicPath
    publicVersion { ${VERSION_FIELDS} lines { lineKey monthly } ${QUARTERLY} }
    versions { id number status }
    neighbours { budgetId unitNames { ky ru en kk } unitCode population revenue expenditure expenditurePerResident isSelf }
    monitoringNotes { ${NOTE_FIELDS} }`;

// The audit chain's head, published with every public page (issue: audit that survives its own database).
const ANCHOR = `auditAnchor { seq hash at signature }`;

export const PUBLIC_BUDGET = `query PublicBudget($id: ID!) {
  budget(id: $id) { ${PUBLIC_FIELDS} }
  ${ANCHOR}
}` as Operation<PublicBudgetQuery, PublicBudgetQueryVariables>;

/** The short shareable address /b/<communitySlug>/<year>. */
export const PUBLIC_BUDGET_BY_SLUG = `query PublicBudgetBySlug($slug: String!, $year: Int!) {
  budgetBySlug(communitySlug: $slug, fiscalYear: $year) { ${PUBLIC_FIELDS} }
  ${ANCHOR}
}` as Operation<PublicBudgetBySlugQuery, PublicBudgetBySlugQueryVariables>;
