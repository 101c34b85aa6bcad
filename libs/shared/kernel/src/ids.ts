import { InvalidInputError, NotFoundError } from './errors';

/**
 * The RFC 4122 text form, 8-4-4-4-12 hex digits, any case. Version and variant digits are not
 * checked: every id PostgreSQL stores (v4 from gen_random_uuid, v7, nil) has this shape, and a loose
 * check (`[0-9a-f-]{36}`) let 36 dashes through to PostgreSQL, which answered with a 500.
 * Braces and `urn:uuid:` prefixes, which PostgreSQL would also take, are refused: ids are ours.
 */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_SHAPE.test(value);
}

/**
 * For ids typed into GraphQL arguments and headers: a malformed one is bad input, named by its field
 * ("input.budgetId"), so a form can point at it.
 */
export function assertUuid(field: string, value: unknown): string {
  if (!isUuid(value)) throw new InvalidInputError(field, 'errors.validation.invalid');
  return value;
}

/**
 * For ids in URL paths and lookups by id: a malformed id is just an id that names nothing, so it
 * answers NOT_FOUND exactly like a well-formed unknown one.
 */
export function uuidOrNotFound(what: string, value: unknown): string {
  if (!isUuid(value)) throw new NotFoundError(what, typeof value === 'string' ? value.slice(0, 64) : undefined);
  return value;
}
