import { registerEnumType } from '@nestjs/graphql';

export enum VersionKindEnum {
  ORIGINAL = 'ORIGINAL',
  FINAL = 'FINAL',
  AMENDMENT = 'AMENDMENT',
}

export enum DirectionEnum {
  REVENUE = 'REVENUE',
  EXPENDITURE = 'EXPENDITURE',
}
export enum VersionStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
}
export enum TransactionKindEnum {
  SPENDING = 'SPENDING',
  RECEIPT = 'RECEIPT',
}
export enum CurrencyEnum {
  KGS = 'KGS',
  KZT = 'KZT',
}
export enum NoteStatusEnum {
  QUESTION = 'QUESTION',
  CONCERN = 'CONCERN',
  CONFIRMED_ISSUE = 'CONFIRMED_ISSUE',
  RESOLVED = 'RESOLVED',
}
export enum FlagKindEnum {
  OVERSPENT = 'OVERSPENT',
  NO_DOCUMENT = 'NO_DOCUMENT',
  NO_MOVEMENT_BY_MID_YEAR = 'NO_MOVEMENT_BY_MID_YEAR',
}
export enum ClassificationSchemeEnum {
  ECONOMIC = 'ECONOMIC',
  FUNCTIONAL = 'FUNCTIONAL',
}
export enum ImportKindEnum {
  LEDGER = 'LEDGER',
  BUDGET = 'BUDGET',
  /** The treasury's execution report (plan, revised plan, cumulative actual per code, as of a date). */
  TREASURY = 'TREASURY',
}
export enum ImportUnitEnum {
  ONE = 'ONE',
  THOUSAND = 'THOUSAND',
}
export enum ExportFormatEnum {
  CSV = 'CSV',
  /** `;`-separated, decimal comma, UTF-8 with BOM, CRLF: what a Russian- or Kyrgyz-locale Excel opens in columns. */
  CSV_EXCEL = 'CSV_EXCEL',
  XLSX = 'XLSX',
  JSON = 'JSON',
  FDP = 'FDP',
}
export enum LineChangeKindEnum {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(DirectionEnum, { name: 'BudgetDirection' });
registerEnumType(VersionStatusEnum, { name: 'BudgetVersionStatus' });
registerEnumType(VersionKindEnum, { name: 'BudgetVersionKind', description: 'ORIGINAL: the first version; FINAL: the final budget approved at year end; AMENDMENT: a change during the year' });
registerEnumType(TransactionKindEnum, { name: 'BudgetTransactionKind' });
registerEnumType(CurrencyEnum, { name: 'Currency' });
registerEnumType(NoteStatusEnum, { name: 'MonitoringNoteStatus' });
registerEnumType(FlagKindEnum, { name: 'BudgetFlagKind' });
registerEnumType(ClassificationSchemeEnum, { name: 'ClassificationScheme' });
registerEnumType(ImportKindEnum, { name: 'BudgetImportKind' });
registerEnumType(ImportUnitEnum, { name: 'BudgetImportUnit', description: 'Amounts in som/tenge (ONE) or in thousands (THOUSAND)' });
registerEnumType(ExportFormatEnum, { name: 'BudgetExportFormat' });
registerEnumType(LineChangeKindEnum, { name: 'BudgetLineChangeKind' });
