/**
 * Limits the web checks before sending (so nobody on a slow link uploads a file only to hear "too
 * large") must be the API's own: the web may import only pure libraries, so it keeps copies, and this
 * test keeps each copy equal to the limit the server enforces.
 */
import { DEFAULT_IMPORT_LIMITS } from '@ashar/imports/pure';
import { BUDGET_IMPORT_LIMITS } from '../../libs/budgets/src/services/budget-import.pipeline';
import { MAX_IMPORT_MB } from '../../apps/web/src/pages/budget/import-upload';

test('the web import form refuses files above the size the API refuses', () => {
  expect(MAX_IMPORT_MB * 1024 * 1024).toBe(BUDGET_IMPORT_LIMITS.maxBytes);
  expect(BUDGET_IMPORT_LIMITS.maxBytes).toBe(DEFAULT_IMPORT_LIMITS.maxBytes);
});
