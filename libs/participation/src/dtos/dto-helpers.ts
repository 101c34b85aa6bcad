export { ctx, trim } from '@ashar/graphql';
/** Money in minor units as a decimal string (exact beyond 2^31; no float on the way). */
export const MINOR = /^[1-9]\d{0,14}$/;
export const MONEY = 'Money in minor units (tyiyn/tiyn) as a decimal string, e.g. "100000000" = 1 000 000 som';
