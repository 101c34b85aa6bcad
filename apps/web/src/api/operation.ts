/**
 * The text of one GraphQL operation, carrying the result and variable types generated for it
 * (`src/api/generated/graphql.ts`, `npm run codegen`). Types only: at run time it is the plain string
 * the allow-list hashes, so `graphql.request(LOG_IN, …)` is typed end to end at no cost.
 */
export type Operation<TResult, TVariables> = string & { readonly __operation?: [TResult, TVariables] };

/** The result type of an operation constant. */
export type ResultOf<O> = O extends Operation<infer R, unknown> ? R : never;
