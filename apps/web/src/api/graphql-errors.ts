import { normalisePhoneGuess, PhoneCountry } from '@ashar/kernel/entry';
/** Turning GraphQL errors into what a form shows: per-field catalogue keys and one general message key. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; messageKey?: string; [k: string]: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly status = 200,
    readonly network = false,
  ) {
    super(errors[0]?.message ?? 'GraphQL error');
    this.name = 'ApiError';
  }

  static network(cause: unknown, status = 0): ApiError {
    const err = new ApiError([{ message: 'network', extensions: { code: 'NETWORK' } }], status, true);
    (err as { cause?: unknown }).cause = cause;
    return err;
  }

  get code(): string {
    return this.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  }
}

/** The catalogue key that explains one error: the server's messageKey, else one per code. */
export function errorMessageKey(error: GraphQLErrorItem | undefined): string {
  const ext = error?.extensions;
  if (ext?.messageKey) return ext.messageKey;
  if (ext?.code === 'NETWORK') return 'status.offline';
  return `errors.${ext?.code ?? 'INTERNAL_SERVER_ERROR'}`;
}

export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface FormErrors {
  /** form field name → message */
  fields: Record<string, Message>;
  /** the error that belongs to no visible field, or a summary of the field errors */
  general: Message | null;
}

function messageOf(item: GraphQLErrorItem): Message {
  const ext = item.extensions ?? {};
  const params: Record<string, string | number> = {};
  const given = ext.messageParams ?? ext.params;
  if (given && typeof given === 'object') Object.assign(params, given);
  const retry = ext.retryAfterSeconds ?? ext.retryAfter;
  if (typeof retry === 'number') params.seconds = Math.ceil(retry);
  return { key: errorMessageKey(item), params };
}

/**
 * Maps `extensions.field` ("input.email") to the form's own field names through `fieldMap`
 * (several API fields may land on one input, e.g. email and phone on "login").
 */
export function toFormErrors(error: unknown, fieldMap: Record<string, string>): FormErrors {
  const result: FormErrors = { fields: {}, general: null };
  const items = error instanceof ApiError ? error.errors : [{ message: String(error) }];
  for (const item of items) {
    const apiField = item.extensions?.field;
    // Accept "input.email" and "email" alike: the path prefix is the API's business, not the form's.
    const bare = apiField?.replace(/^input\./, '');
    const formField = bare ? (fieldMap[`input.${bare}`] ?? fieldMap[bare]) : undefined;
    if (formField) {
      result.fields[formField] ??= messageOf(item);
    } else {
      result.general ??= messageOf(item);
    }
  }
  // A field error needs a summary too, so screen-reader users hear that something is wrong.
  if (!result.general && Object.keys(result.fields).length) result.general = { key: 'errors.BAD_USER_INPUT' };
  return result;
}

/** Sign-up and log-in take one "email or phone" box: decide which the person typed. */
export function splitLogin(value: string, country: PhoneCountry = 'KG'): { email?: string; phone?: string } {
  const v = value.trim();
  if (v.includes('@')) return { email: v };
  // "0700 123 456", "8 701 123 4567", "+996 (555) 12-34-56": the kernel's normaliser (the one the API
  // uses) makes E.164; a number it cannot read goes as typed, and the API says what is wrong with it.
  const r = normalisePhoneGuess(v, country);
  return { phone: r.ok ? r.e164 : v };
}
