import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Characters a name or login must not carry: they are invisible or reorder what is shown, so
 * "admin\u202Egpj.exe" would read as "adminexe.jpg". Refused: control characters (Cc), format characters
 * (Cf, which include the bidi embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069, zero-width
 * space, BOM, soft hyphen), line/paragraph separators, surrogates and private use. Kept: ZWNJ (U+200C)
 * and ZWJ (U+200D), which Persian, Indic scripts and emoji sequences need. Letters of every script pass,
 * Kyrgyz and Kazakh ones (ң ө ү ә ғ қ ұ һ і) included.
 */
const UNSAFE = /[\p{Cc}\p{Cs}\p{Co}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;

/** The first unsafe character (as "U+202E"), or null when the text is safe to show. */
export function unsafeTextCharacter(text: string): string | null {
  const m = UNSAFE.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

export const SAFE_TEXT_MESSAGE_KEY = 'errors.validation.invalidCharacters';

/** class-validator rule for text people see (names, logins, reasons); non-strings are left to other rules. */
export function IsSafeText(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSafeText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property contains invisible or direction-changing characters', context: { messageKey: SAFE_TEXT_MESSAGE_KEY, params: {} }, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || unsafeTextCharacter(value) === null },
    });
}
