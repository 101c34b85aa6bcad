import { LOCALES } from '@ashar/i18n/core';
import { useI18n } from '../i18n/i18n.context';

/** Every language is named in itself (and marked with its own lang), so anyone can find theirs. */
export function LanguageSwitch() {
  const { locale, t, setLocale } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          className={l === locale ? 'chip chip--active' : 'chip'}
          onClick={() => setLocale(l)}
        >
          {t(`language.name.${l}`)}
        </button>
      ))}
    </div>
  );
}
