export { ctx, trim } from '@ashar/graphql';
/** Money in minor units as a decimal string (exact beyond 2^31; no float on the way). */
export const MINOR = /^[1-9]\d{0,14}$/;
export const MONEY = 'Money in minor units (cents, tyiyn) as a decimal string, e.g. "2000000" = 20 000.00 USD';
export const JSON_TEXT = 'JSON text';
/** Keys of directions, criteria and form fields. */
export const KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;
