import { registerEnumType } from '@nestjs/graphql';

export enum CallStatusEnum {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
}
export enum ApplicantKindEnum {
  NGO = 'NGO',
  PUBLIC_FOUNDATION = 'PUBLIC_FOUNDATION',
  INITIATIVE_GROUP = 'INITIATIVE_GROUP',
  SCHOOL = 'SCHOOL',
  BUSINESS = 'BUSINESS',
  INDIVIDUAL = 'INDIVIDUAL',
  PUBLIC_COUNCIL = 'PUBLIC_COUNCIL',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
}
export enum CallCurrencyEnum {
  KGS = 'KGS',
  KZT = 'KZT',
  USD = 'USD',
  EUR = 'EUR',
}
export enum ApplicationStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SHORTLISTED = 'SHORTLISTED',
  REJECTED = 'REJECTED',
  SELECTED = 'SELECTED',
  EXCLUDED = 'EXCLUDED',
}
/** What the committee may decide on a submitted application (exclusion has its own mutation). */
export enum ApplicationDecisionEnum {
  SHORTLISTED = 'SHORTLISTED',
  REJECTED = 'REJECTED',
  SELECTED = 'SELECTED',
}
export enum CallLanguageEnum {
  ky = 'ky',
  ru = 'ru',
  en = 'en',
  kk = 'kk',
}
registerEnumType(CallStatusEnum, { name: 'CallStatus' });
registerEnumType(ApplicantKindEnum, { name: 'ApplicantKind' });
registerEnumType(CallCurrencyEnum, { name: 'CallCurrency' });
registerEnumType(ApplicationStatusEnum, { name: 'ApplicationStatus' });
registerEnumType(ApplicationDecisionEnum, { name: 'ApplicationDecision' });
registerEnumType(CallLanguageEnum, { name: 'CallLanguage' });
