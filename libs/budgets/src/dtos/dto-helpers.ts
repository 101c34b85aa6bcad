// Shared validation helpers of the budgets DTOs.
import { isIsoDate } from '@ashar/kernel';
import { ValidateBy, ValidationOptions } from 'class-validator';

export { ctx, trim } from '@ashar/graphql';
/**
 * 'loose' is exactly the kernel's isUuid (8-4-4-4-12 hex, version digit not checked); 'all' would
 * refuse ids of other shapes PostgreSQL stores, so a lookup's answer would depend on the id's version.
 */
export const UUID = 'loose' as const;
/** YYYY-MM-DD that exists in the calendar (kernel isIsoDate): "2026-02-29" fits a regex, not PostgreSQL. */
export const IsIsoDate = (options?: ValidationOptions) => ValidateBy({ name: 'isIsoDate', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => 'must be a date YYYY-MM-DD' } }, options);
export const AMOUNT_TEXT = /^\s*-?[\d\s\u00a0.,']{1,24}\s*$/;
export const MONEY = 'Money in minor units (tyiyn/tiyn) as a decimal string, e.g. "1234550" = 12 345,50';
