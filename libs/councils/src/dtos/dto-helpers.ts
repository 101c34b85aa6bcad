import { isIsoDate } from '@ashar/kernel';
import { ValidateBy, ValidationOptions } from 'class-validator';
export { ctx, trim } from '@ashar/graphql';

/** YYYY-MM-DD that exists in the calendar. */
export const IsIsoDate = (options?: ValidationOptions) => ValidateBy({ name: 'isIsoDate', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => 'must be a date YYYY-MM-DD' } }, options);
export const URL_RULE = { require_protocol: true, protocols: ['http', 'https'] };
