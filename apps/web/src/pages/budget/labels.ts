/** Literal catalogue keys for API enum values (the catalogue test sees literal keys only). */
export const STATUS_KEY: Record<string, string> = {
  DRAFT: 'budgets.status.draft',
  SUBMITTED: 'budgets.status.submitted',
  PUBLISHED: 'budgets.status.published',
  APPROVED: 'budgets.status.approved',
  SUPERSEDED: 'budgets.status.superseded',
};

export const DIRECTION_KEY: Record<string, string> = {
  REVENUE: 'budgets.direction.revenue',
  EXPENDITURE: 'budgets.direction.expenditure',
};

export const CHANGE_KEY: Record<string, string> = {
  ADDED: 'budgets.change.added',
  REMOVED: 'budgets.change.removed',
  CHANGED: 'budgets.change.changed',
};

export const FLAG_KEY: Record<string, string> = {
  OVERSPENT: 'budgets.flag.overspent',
  NO_DOCUMENT: 'budgets.flag.noDocument',
  NO_MOVEMENT_BY_MID_YEAR: 'budgets.flag.noMovement',
};
