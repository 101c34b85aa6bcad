import { ApiError } from '../../api/graphql-errors';

/** FORBIDDEN answers that say why (the API's `extensions.action`), each with its own sentence. */
const BY_ACTION: Record<string, string> = {
  'participation.vote.tooYoung': 'participation.ballot.tooYoung',
  'participation.vote.ageUnknown': 'participation.ballot.ageUnknown',
};

/**
 * Whether someone may do an organiser's (or a resident's) step is the API's to say; the page shows the
 * controls to members and turns a FORBIDDEN answer into a sentence that says who can do it (or, for the
 * age rule, why not).
 */
export async function forbiddenSays<T>(messageKey: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'FORBIDDEN') {
      throw new ApiError(
        e.errors.map((x) => ({ ...x, extensions: { ...x.extensions, messageKey: BY_ACTION[String(x.extensions?.action)] ?? messageKey } })),
        e.status,
      );
    }
    throw e;
  }
}
