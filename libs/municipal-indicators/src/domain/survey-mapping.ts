import type { Answers, SurveyForm } from '@ashar/survey-forms';
import formJson from './municipality-survey.form.json';
import { E_SERVICES, EServiceCode, Indicators, SOCIAL_PLATFORMS, SocialAccount, SocialPlatform, TundukStatus } from './indicators';

/**
 * The standard questionnaire of the municipality survey (`municipality-survey.form.json`, a SurveyForm of
 * `@ashar/survey-forms`) and the mapping of one answer set, already checked with `checkAnswers` against
 * that form, to the input of `recordMunicipalityObservation` with source SURVEY.
 *
 * The seam with the surveys server: it stores and checks answer sets; whoever connects the two calls
 * `indicatorsFromAnswers(checked.answers, { unitId, answerSetId })` and sends the result as the mutation's
 * input. Question names are the contract (see the README's table); the form's version travels in `formId`/`version`.
 */
export const MUNICIPALITY_SURVEY_FORM = formJson as unknown as SurveyForm;

/** The questionnaire's platforms (choice names are lower case); OTHER is for manual entry only. */
export const SURVEY_PLATFORMS = SOCIAL_PLATFORMS.filter((p) => p !== 'OTHER');

export interface ObservationInputFromSurvey extends Indicators {
  unitId?: string;
  source: 'SURVEY';
  surveyAnswerSetId?: string;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const date = (v: unknown): string | null => text(v);
const yesNo = (v: unknown): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : []);

/** A checked answer set → the observation input (source SURVEY); unknown e-service codes and empty accounts are left out. */
export function indicatorsFromAnswers(answers: Answers, ref: { unitId?: string; answerSetId?: string } = {}): ObservationInputFromSurvey {
  const a = answers as Record<string, unknown>;
  const chosen = new Set(list(a.social_platforms));
  const socialAccounts: SocialAccount[] = [];
  for (const platform of SURVEY_PLATFORMS) {
    const p = platform.toLowerCase();
    const url = text(a[`social_${p}_url`]);
    if (!chosen.has(p) || !url) continue;
    const posts = a[`social_${p}_posts_30d`];
    socialAccounts.push({ platform: platform as SocialPlatform, url, lastPostOn: date(a[`social_${p}_last_post`]), postsLast30Days: typeof posts === 'number' ? posts : null });
  }
  const eServices = list(a.e_services).filter((c): c is EServiceCode => (E_SERVICES as readonly string[]).includes(c));
  const websiteUrl = text(a.website_url);
  const tunduk = (['YES', 'NO', 'IN_PROGRESS'].includes(a.tunduk as string) ? a.tunduk : 'NO') as TundukStatus;
  const contactPhone = text(a.contact_phone);
  const contactEmail = text(a.contact_email);
  const hasContact = !!(contactPhone || contactEmail);
  return {
    ...(ref.unitId ? { unitId: ref.unitId } : {}),
    observedOn: date(a.observed_on) ?? '',
    websiteUrl,
    websiteAnswered: websiteUrl ? yesNo(a.website_answered) : null,
    socialAccounts,
    eServices,
    eServicesOther: eServices.includes('OTHER') ? text(a.e_services_other) : null,
    tunduk,
    tundukSince: tunduk === 'NO' ? null : date(a.tunduk_since),
    contactPhone,
    contactEmail,
    contactAnswered: hasContact ? yesNo(a.contact_answered) : null,
    contactCheckedOn: hasContact ? date(a.contact_checked_on) : null,
    source: 'SURVEY',
    ...(ref.answerSetId ? { surveyAnswerSetId: ref.answerSetId } : {}),
  };
}
