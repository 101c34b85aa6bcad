import { ApiError } from '../../api/graphql-errors';

/**
 * Whether someone may do an organiser's (or a resident's) step is the API's to say; the page shows the
 * controls to members and turns a FORBIDDEN answer into a sentence that says who can do it.
 */
export async function forbiddenSays<T>(messageKey: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'FORBIDDEN') {
      throw new ApiError(
        e.errors.map((x) => ({ ...x, extensions: { ...x.extensions, messageKey } })),
        e.status,
      );
    }
    throw e;
  }
}
