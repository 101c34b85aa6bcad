import { useI18n } from '../../i18n/i18n.context';
import { formatMinor } from '../budget/money';
import { CURRENCY_KEY } from './labels';

/** Minor units → "250 000 сом" in the page's language (the process's currency). */
export function useMoney(currency: string): (minor: string | null | undefined) => string {
  const { t, locale } = useI18n();
  return (minor) => t('participation.money', { amount: formatMinor(minor ?? '0', locale), currency: t(CURRENCY_KEY[currency] ?? CURRENCY_KEY.KGS) });
}
