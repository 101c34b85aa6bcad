import type { FieldType, FILE_TYPES, TIME_ZONES } from './call-editor';
import type { ApplicantKind, ApplicationDecision, ApplicationStatus, CallLanguage, CallStatus } from './competitions.operations';

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['NGO', 'PUBLIC_FOUNDATION', 'INITIATIVE_GROUP', 'SCHOOL', 'BUSINESS', 'INDIVIDUAL', 'PUBLIC_COUNCIL', 'LOCAL_GOVERNMENT'];
export const DECISIONS: readonly ApplicationDecision[] = ['SHORTLISTED', 'SELECTED', 'REJECTED'];

/** Typed maps (not `${prefix}${value}` keys): the compiler wants every enum value, labels.spec.ts checks the catalogues. */
export const KIND_KEY: Record<ApplicantKind, string> = {
  NGO: 'competitions.web.kind.NGO',
  PUBLIC_FOUNDATION: 'competitions.web.kind.PUBLIC_FOUNDATION',
  INITIATIVE_GROUP: 'competitions.web.kind.INITIATIVE_GROUP',
  SCHOOL: 'competitions.web.kind.SCHOOL',
  BUSINESS: 'competitions.web.kind.BUSINESS',
  INDIVIDUAL: 'competitions.web.kind.INDIVIDUAL',
  PUBLIC_COUNCIL: 'competitions.web.kind.PUBLIC_COUNCIL',
  LOCAL_GOVERNMENT: 'competitions.web.kind.LOCAL_GOVERNMENT',
};
export const STATUS_KEY: Record<ApplicationStatus, string> = {
  DRAFT: 'competitions.web.status.DRAFT',
  SUBMITTED: 'competitions.web.status.SUBMITTED',
  SHORTLISTED: 'competitions.web.status.SHORTLISTED',
  REJECTED: 'competitions.web.status.REJECTED',
  SELECTED: 'competitions.web.status.SELECTED',
  EXCLUDED: 'competitions.web.status.EXCLUDED',
};
export const CALL_STATUS_KEY: Record<CallStatus, string> = {
  DRAFT: 'competitions.web.callStatus.DRAFT',
  OPEN: 'competitions.web.callStatus.OPEN',
  RESULTS_PUBLISHED: 'competitions.web.callStatus.RESULTS_PUBLISHED',
};
export const DECISION_KEY: Record<ApplicationDecision, string> = {
  SHORTLISTED: 'competitions.web.decision.SHORTLISTED',
  SELECTED: 'competitions.web.decision.SELECTED',
  REJECTED: 'competitions.web.decision.REJECTED',
};
export const LANGUAGE_KEY: Record<CallLanguage, string> = {
  ky: 'competitions.web.language.ky',
  ru: 'competitions.web.language.ru',
  en: 'competitions.web.language.en',
  kk: 'competitions.web.language.kk',
};
export const CURRENCY_KEY: Record<string, string> = {
  USD: 'competitions.web.currency.USD',
  EUR: 'competitions.web.currency.EUR',
  KGS: 'competitions.web.currency.KGS',
  KZT: 'competitions.web.currency.KZT',
};
export const FIELD_TYPE_KEY: Record<FieldType, string> = {
  TEXT: 'competitions.web.editor.type.TEXT',
  NUMBER: 'competitions.web.editor.type.NUMBER',
  MONEY: 'competitions.web.editor.type.MONEY',
  CHOICE: 'competitions.web.editor.type.CHOICE',
  FILE: 'competitions.web.editor.type.FILE',
  BUDGET: 'competitions.web.editor.type.BUDGET',
};
export const FILE_TYPE_KEY: Record<(typeof FILE_TYPES)[number], string> = {
  'application/pdf': 'competitions.web.editor.fileType.pdf',
  'image/jpeg': 'competitions.web.editor.fileType.jpeg',
  'image/png': 'competitions.web.editor.fileType.png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'competitions.web.editor.fileType.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'competitions.web.editor.fileType.xlsx',
};
export const TIME_ZONE_KEY: Record<(typeof TIME_ZONES)[number], string> = {
  'Asia/Bishkek': 'competitions.web.editor.zone.bishkek',
  'Asia/Almaty': 'competitions.web.editor.zone.almaty',
  'Asia/Tashkent': 'competitions.web.editor.zone.tashkent',
  'Asia/Dushanbe': 'competitions.web.editor.zone.dushanbe',
  'Europe/Moscow': 'competitions.web.editor.zone.moscow',
  UTC: 'competitions.web.editor.zone.utc',
};
export const ALL_LABEL_MAPS = [KIND_KEY, STATUS_KEY, CALL_STATUS_KEY, DECISION_KEY, LANGUAGE_KEY, CURRENCY_KEY, FIELD_TYPE_KEY, FILE_TYPE_KEY, TIME_ZONE_KEY];
