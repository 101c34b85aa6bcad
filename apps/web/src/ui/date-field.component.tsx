import { InputHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { Field } from './field.component';

/**
 * Our own date box: a text field in the dd.mm.yyyy both countries write, with its hint in the page's
 * language. The browser's `type="date"` shows its own language and often mm/dd/yyyy (issue 9). The form
 * keeps the typed text and reads it with `readDisplayDate` when it submits (null: not a real date).
 */
export function DateField({ label, error, ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { label: string; error?: string | null }) {
  const { t } = useI18n();
  return <Field label={label} hint={t('ui.date.hint')} inputMode="numeric" autoComplete="off" data-date="" error={error} {...input} />;
}

/** "15.03.2026", "15/3/2026", "2026-03-15" → "2026-03-15"; null for anything that is not a real date. */
export function readDisplayDate(text: string): string | null {
  const s = text.trim();
  let d: number, m: number, y: number;
  let mt = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (mt) [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2026-03-15" → "15.03.2026" (what the box shows). */
export function isoToDisplayDate(iso: string): string {
  const mt = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return mt ? `${mt[3]}.${mt[2]}.${mt[1]}` : iso;
}
