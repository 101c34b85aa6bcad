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
 * Parameters that carry client text: Nest hands GraphQL arguments (@Args) to pipes as "body", like
 * HTTP bodies; query and route params are text too. Context, parent and custom decorators are not.
 */
const CLIENT_PARAM_TYPES = new Set(['body', 'query', 'param']);

/**
 * The first string anywhere in a value (plain argument, input object, list) that PostgreSQL cannot
 * store: U+0000 ("invalid byte sequence for encoding UTF8: 0x00"). Returns its path, e.g. "input.lines.2.title".
 */
export function findUnstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 32 || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const found = findUnstorableText(v, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (CLIENT_PARAM_TYPES.has(metadata.type)) {
      const field = findUnstorableText(value, typeof metadata.data === 'string' ? metadata.data : '');
      if (field !== null) throw new InvalidInputError(field || 'input', 'errors.validation.invalidCharacters', `${field || 'input'}: contains a NUL character`);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Every GraphQL argument is checked for text PostgreSQL cannot store (a NUL character), then
 * class-validator runs on every input object; failures become BAD_USER_INPUT with the field path.
 * Arguments are named in the path ("input.email") because clients map errors to form fields.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
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
