import { composeContexts, ContextManifest, CONTEXTS } from '@ashar/contexts';
import { DataSource } from 'typeorm';

/**
 * `seed`: every context's reference data (territory's classifiers today), idempotent.
 * `seed-demo`: that, then every context's demo data in list order (territory's communities, identity's
 * accounts with random passwords, budgets'), idempotent; the summary is what each seed returned
 * (`logins` lists only the accounts created by this run).
 */
export function seed(ds: DataSource, contexts: readonly ContextManifest[] = CONTEXTS) {
  return composeContexts(contexts).seed(ds);
}

export function seedDemo(ds: DataSource, contexts: readonly ContextManifest[] = CONTEXTS) {
  return composeContexts(contexts).seedDemo(ds);
}
