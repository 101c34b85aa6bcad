import { parseIsoDate } from '@ashar/kernel';
import { ArgumentMetadata, PipeTransform } from '@nestjs/common';

/** A YYYY-MM-DD argument that exists in the calendar, else BAD_USER_INPUT naming the argument. */
class IsoDateArgPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    return parseIsoDate(meta.data ?? 'date', value);
  }
}
export const IsIsoDateArg = new IsoDateArgPipe();
