import { SurveyLanguage } from '../form';

/**
 * XLSForm column headers: `label`, `label::Kyrgyz (ky)`, `label::ky`, `hint::Русский (ru)`. The part
 * after `::` names a language; its code is the one in parentheses when there is one, else the part
 * itself read as a code or a language name (English, Kyrgyz, Russian or Kazakh spellings).
 */
export interface Header {
  /** Normalised column name: lower case, spaces as `_`, ODK's old aliases mapped. */
  base: string;
  /** Text after `::`, as written; null for a column without one. */
  languageText: string | null;
}

const ALIASES: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  list: 'list_name',
};

export function parseHeader(text: string): Header {
  const at = text.indexOf('::');
  const raw = (at >= 0 ? text.slice(0, at) : text).trim().toLowerCase().replace(/\s+/g, '_');
  return { base: ALIASES[raw] ?? raw, languageText: at >= 0 ? text.slice(at + 2).trim() : null };
}

const CODES: Record<string, SurveyLanguage> = { ky: 'ky', kir: 'ky', kgz: 'ky', ru: 'ru', rus: 'ru', kk: 'kk', kaz: 'kk', en: 'en', eng: 'en' };
const NAMES: Record<string, SurveyLanguage> = {
  kyrgyz: 'ky', kirghiz: 'ky', 'кыргызча': 'ky', 'кыргыз': 'ky', 'кыргыз тили': 'ky', 'киргизский': 'ky', 'кыргызский': 'ky',
  russian: 'ru', 'русский': 'ru', 'орусча': 'ru', 'орус тили': 'ru', 'орыс тілі': 'ru', 'орысша': 'ru',
  kazakh: 'kk', 'казахский': 'kk', 'қазақша': 'kk', 'қазақ тілі': 'kk', 'казакча': 'kk', 'казак тили': 'kk',
  english: 'en', 'английский': 'en', 'англисче': 'en', 'ағылшын тілі': 'en', 'ағылшынша': 'en',
};

/** The platform language a column's language part names, or null when it names another language. */
export function languageOf(text: string): SurveyLanguage | null {
  const paren = /\(([^()]+)\)\s*$/.exec(text);
  const code = (paren ? paren[1] : text).trim().toLowerCase();
  const short = code.split(/[-_]/)[0];
  if (CODES[short]) return CODES[short];
  const name = (paren ? text.slice(0, paren.index) : text).trim().toLowerCase().replace(/\s+/g, ' ');
  return NAMES[name] ?? null;
}

/** How the writer names a language: the English name and the code, the way KoboToolbox writes it. */
export const LANGUAGE_COLUMN: Record<SurveyLanguage, string> = { ky: 'Kyrgyz (ky)', ru: 'Russian (ru)', kk: 'Kazakh (kk)', en: 'English (en)' };

/** Survey columns whose text is per language. */
export const LOCALIZED_SURVEY = ['label', 'hint', 'required_message', 'constraint_message'] as const;
export const SURVEY_COLUMNS = new Set(['type', 'name', ...LOCALIZED_SURVEY, 'required', 'relevant', 'constraint', 'appearance', 'parameters']);
export const CHOICE_COLUMNS = new Set(['list_name', 'name', 'label']);
export const SETTINGS_COLUMNS = new Set(['form_title', 'form_id', 'version', 'default_language']);
/** Types whose values the platform records itself (instance id, version, interviewer, times): dropped with a warning. */
export const METADATA_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'imei', 'start-geopoint', 'background-audio', 'uid']);
