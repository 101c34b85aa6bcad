import { useI18n } from '../../i18n/i18n.context';
import { formatMinor } from '../budget/money';
import { CURRENCY_KEY } from './labels';

/** Minor units → "20 000 USD" in the page's language; exact (strings and BigInt, never floats). */
export function useMoney(currency: string): (minor: string | bigint | null | undefined) => string {
  const of = useMoneyIn();
  return (minor) => of(minor, currency);
}

/** The same, the currency given with each amount (a list of calls in several currencies). */
export function useMoneyIn(): (minor: string | bigint | null | undefined, currency: string) => string {
  const { t, locale } = useI18n();
  return (minor, currency) => t('competitions.web.money', { amount: formatMinor(minor == null ? '0' : String(minor), locale), currency: t(CURRENCY_KEY[currency] ?? CURRENCY_KEY.USD) });
}

/** A score or mean for a table: two decimals at most, the page's decimal mark. */
export function useScore(): (n: number) => string {
  const { locale } = useI18n();
  const f = new Intl.NumberFormat(locale === 'en' ? 'en' : 'ru', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
  return (n) => f.format(n);
}
