import { hasTranslation, isLocale, Locale, pickLocalized, translate } from '@ashar/i18n';
import type { NotificationParams } from '../entities/notification-delivery.entity';

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** Resolves catalogue keys and multilingual texts among the parameters into the message's language. */
export function resolveParams(params: NotificationParams, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') out[name] = v;
    else if ('key' in v) out[name] = translate(locale, v.key);
    else out[name] = pickLocalized(v.text, locale);
  }
  return out;
}

/** Text from the shared catalogue (`templateKey`), subject from `templateKey.subject` or the app's name. */
export function renderNotification(templateKey: string, params: NotificationParams, language: string): RenderedMessage {
  const locale: Locale = isLocale(language) ? language : 'ky';
  const values = resolveParams(params, locale);
  const subjectKey = `${templateKey}.subject`;
  return {
    subject: translate(locale, hasTranslation(subjectKey) ? subjectKey : 'app.name', values),
    text: translate(locale, templateKey, values),
  };
}
