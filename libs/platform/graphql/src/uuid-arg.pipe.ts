import { assertUuid } from '@ashar/kernel';
import { ArgumentMetadata, PipeTransform } from '@nestjs/common';

/**
 * For `ID` arguments that are uuids: a malformed one is BAD_USER_INPUT naming the argument
 * (`extensions.field` = "transactionId") before any SQL runs. Absent optional arguments pass.
 * Lookups by id in URLs answer NOT_FOUND instead (kernel `uuidOrNotFound`, in the services).
 */
export class UuidArg implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (value === undefined || value === null) return value;
    return assertUuid(meta.data ?? 'id', value);
  }
}
