import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from '@ashar/kernel';

/** First failing field as "input.email"; its constraint's context carries the i18n key. */
function firstFailure(errors: ValidationError[], prefix: string): { field: string; messageKey: string; message: string; params: Record<string, unknown> } | null {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      const [name, message] = Object.entries(e.constraints)[0];
      const ctx = (e.contexts?.[name] ?? {}) as { messageKey?: string; params?: Record<string, unknown> };
      return { field: path, messageKey: ctx.messageKey ?? 'errors.validation.invalid', message, params: ctx.params ?? {} };
    }
    const nested = firstFailure(e.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/**
 * The path of the first string holding U+0000 ("input.lines.3.names.ky"), or null. PostgreSQL refuses
 * NUL in text and jsonb, so such a value must be refused as bad input before it reaches a service.
 */
export function findNulByte(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return null; // only data, not request objects
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulByte(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = findNulByte(k, `${path}.${k}`, depth + 1) ?? findNulByte(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Every argument, plain strings included (class-validator sees only input classes). */
class AsharValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const nul = metadata.type === 'custom' ? null : findNulByte(value, metadata.data || 'input');
    if (nul) throw new InvalidInputError(nul, 'errors.validation.invalidCharacters', `${nul}: contains a NUL character`);
    return super.transform(value, metadata);
  }
}

/**
 * class-validator on every input object; failures become BAD_USER_INPUT with the field path.
 * Arguments are named in the path ("input.email") because clients map errors to form fields.
 */
export function createValidationPipe(): ValidationPipe {
  return new AsharValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const f = firstFailure(errors, 'input');
      return f
        ? new InvalidInputError(f.field, f.messageKey, `${f.field}: ${f.message}`, f.params)
        : new InvalidInputError('input', 'errors.validation.invalid');
    },
  });
}
