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

export const NOTE_STATUSES = ['QUESTION', 'CONCERN', 'CONFIRMED_ISSUE', 'RESOLVED'] as const;

export const NOTE_STATUS_KEY: Record<string, string> = {
  QUESTION: 'budgets.noteStatus.question',
  CONCERN: 'budgets.noteStatus.concern',
  CONFIRMED_ISSUE: 'budgets.noteStatus.confirmedIssue',
  RESOLVED: 'budgets.noteStatus.resolved',
};

/** Column headers of the monthly table, January first (the order of `BudgetLine.monthly`). */
export const MONTH_KEYS = [
  'budgets.month.m1',
  'budgets.month.m2',
  'budgets.month.m3',
  'budgets.month.m4',
  'budgets.month.m5',
  'budgets.month.m6',
  'budgets.month.m7',
  'budgets.month.m8',
  'budgets.month.m9',
  'budgets.month.m10',
  'budgets.month.m11',
  'budgets.month.m12',
];

/** Short badge texts for the monthly table (the full FLAG_KEY wording is in the list above it). */
export const FLAG_SHORT_KEY: Record<string, string> = {
  OVERSPENT: 'budgets.flagShort.overspent',
  NO_DOCUMENT: 'budgets.flagShort.noDocument',
  NO_MOVEMENT_BY_MID_YEAR: 'budgets.flagShort.noMovement',
};
