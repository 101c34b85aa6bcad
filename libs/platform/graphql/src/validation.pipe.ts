import { ValidationError, ValidationPipe } from '@nestjs/common';
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
 * class-validator on every input object; failures become BAD_USER_INPUT with the field path.
 * Arguments are named in the path ("input.email") because clients map errors to form fields.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
