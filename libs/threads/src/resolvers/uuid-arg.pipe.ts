import { assertUuid } from '@ashar/kernel';
import { ArgumentMetadata, PipeTransform } from '@nestjs/common';

/** A malformed uuid argument is BAD_USER_INPUT naming the argument, before any SQL runs. */
export class UuidArg implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (value === undefined || value === null) return value;
    return assertUuid(meta.data ?? 'id', value);
  }
}
