import { LocalizedTextInput, LocalizedTextType } from '@ashar/graphql';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { isIsoDate } from '@ashar/kernel';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';

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
}
export enum ExportFormatEnum {
  CSV = 'CSV',
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
registerEnumType(TransactionKindEnum, { name: 'BudgetTransactionKind' });
registerEnumType(CurrencyEnum, { name: 'Currency' });
registerEnumType(NoteStatusEnum, { name: 'MonitoringNoteStatus' });
registerEnumType(FlagKindEnum, { name: 'BudgetFlagKind' });
registerEnumType(ClassificationSchemeEnum, { name: 'ClassificationScheme' });
registerEnumType(ImportKindEnum, { name: 'BudgetImportKind' });
registerEnumType(ExportFormatEnum, { name: 'BudgetExportFormat' });
registerEnumType(LineChangeKindEnum, { name: 'BudgetLineChangeKind' });

const ctx = (messageKey: string, params: Record<string, unknown> = {}) => ({ context: { messageKey, params } });
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/**
 * 'loose' is exactly the kernel's isUuid (8-4-4-4-12 hex, version digit not checked); 'all' would
 * refuse ids of other shapes PostgreSQL stores, so a lookup's answer would depend on the id's version.
 */
const UUID = 'loose' as const;
/** YYYY-MM-DD that exists in the calendar (kernel isIsoDate): "2026-02-29" fits a regex, not PostgreSQL. */
const IsIsoDate = (options?: ValidationOptions) => ValidateBy({ name: 'isIsoDate', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => 'must be a date YYYY-MM-DD' } }, options);
const AMOUNT_TEXT = /^\s*-?[\d\s\u00a0.,']{1,24}\s*$/;
const MONEY = 'Money in minor units (tyiyn/tiyn) as a decimal string, e.g. "1234550" = 12 345,50';

// ---------- outputs ----------

@ObjectType('BudgetClassificationCode')
export class ClassificationType {
  @Field() code: string;
  @Field(() => String, { nullable: true }) parentCode: string | null;
  @Field(() => ClassificationSchemeEnum) scheme: ClassificationSchemeEnum;
  @Field(() => DirectionEnum, { nullable: true }) direction: DirectionEnum | null;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
  @Field() source: string;
  @Field() country: string;
}

@ObjectType('BudgetTotals')
export class TotalsType {
  @Field({ description: MONEY }) revenue: string;
  @Field({ description: MONEY }) expenditure: string;
  @Field({ description: `${MONEY}; revenue − expenditure` }) balance: string;
  @Field({ description: MONEY }) revenueActual: string;
  @Field({ description: MONEY }) expenditureActual: string;
  @Field(() => Number, { nullable: true, description: 'Spending as a percentage of planned expenditure' }) expenditurePercent: number | null;
  @Field(() => Number, { nullable: true }) revenuePercent: number | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; planned expenditure per resident` }) expenditurePerResident: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) revenuePerResident: string | null;
}

@ObjectType('BudgetLine')
export class BudgetLineType {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'Stable across versions' }) lineKey: string;
  @Field(() => DirectionEnum) direction: DirectionEnum;
  @Field() economicCode: string;
  @Field(() => String, { nullable: true }) functionalCode: string | null;
  @Field(() => LocalizedTextType, { description: 'The line wording, falling back to the classification name' }) names: LocalizedTextType;
  @Field(() => LocalizedTextType, { nullable: true }) functionalNames: LocalizedTextType | null;
  @Field({ description: MONEY }) amount: string;
  @Field({ description: MONEY }) actual: string;
  @Field(() => Number, { nullable: true }) percent: number | null;
  @Field(() => [String], { description: `${MONEY}, January first` }) monthly: string[];
  @Field(() => String, { nullable: true, description: MONEY }) perResident: string | null;
  @Field(() => Int) position: number;
}

@ObjectType('BudgetFlag')
export class FlagType {
  @Field(() => FlagKindEnum) kind: FlagKindEnum;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field(() => ID, { nullable: true }) transactionId: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) amount: string | null;
}

@ObjectType('BudgetComment')
export class CommentType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field() body: string;
  @Field() createdAt: Date;
}

@ObjectType('BudgetExportLinks')
export class ExportLinksType {
  @Field() csv: string;
  @Field() xlsx: string;
  @Field() json: string;
  @Field({ description: 'Fiscal Data Package descriptor; its CSV sits next to it' }) datapackage: string;
}

@ObjectType('BudgetVersion')
export class BudgetVersionType {
  @Field(() => ID) id: string;
  budgetId: string;
  @Field(() => Int) number: number;
  @Field(() => VersionStatusEnum) status: VersionStatusEnum;
  @Field(() => Int, { description: 'Send back with edits: a stale revision is a CONFLICT' }) revision: number;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) commentsUntil: string | null;
  @Field(() => String, { nullable: true }) decisionDate: string | null;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field(() => String, { nullable: true }) decisionFileUrl: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('BudgetLineChange')
export class LineChangeType {
  @Field(() => LineChangeKindEnum) kind: LineChangeKindEnum;
  @Field(() => ID) lineKey: string;
  @Field(() => DirectionEnum) direction: DirectionEnum;
  @Field() economicCode: string;
  @Field(() => String, { nullable: true }) functionalCode: string | null;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
  @Field(() => String, { nullable: true, description: MONEY }) before: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) after: string | null;
  @Field({ description: MONEY }) delta: string;
  @Field(() => [String]) fields: string[];
}

@ObjectType('BudgetVersionComparison')
export class VersionComparisonType {
  @Field(() => BudgetVersionType) from: BudgetVersionType;
  @Field(() => BudgetVersionType) to: BudgetVersionType;
  @Field(() => [LineChangeType]) changes: LineChangeType[];
  @Field(() => TotalsType) beforeTotals: TotalsType;
  @Field(() => TotalsType) afterTotals: TotalsType;
}

@ObjectType('Budget')
export class BudgetType {
  @Field(() => ID) id: string;
  @Field(() => ID) communityId: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => CurrencyEnum) currency: CurrencyEnum;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field(() => LocalizedTextType) title: LocalizedTextType;
}

@ObjectType('NeighbourBudget')
export class NeighbourBudgetType {
  @Field(() => ID) budgetId: string;
  @Field(() => ID) communityId: string;
  @Field(() => LocalizedTextType) unitNames: LocalizedTextType;
  @Field() unitCode: string;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field({ description: MONEY }) revenue: string;
  @Field({ description: MONEY }) expenditure: string;
  @Field(() => String, { nullable: true, description: MONEY }) expenditurePerResident: string | null;
  @Field() isSelf: boolean;
}

@ObjectType('BudgetTransaction')
export class TransactionType {
  @Field(() => ID) id: string;
  @Field(() => ID) lineKey: string;
  @Field(() => TransactionKindEnum) kind: TransactionKindEnum;
  @Field() occurredOn: string;
  @Field({ description: MONEY }) amount: string;
  @Field(() => String, { nullable: true }) counterparty: string | null;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => String, { nullable: true }) documentNumber: string | null;
  @Field(() => [AttachmentType]) attachments: AttachmentType[];
}

@ObjectType('BudgetAttachment')
export class AttachmentType {
  @Field() name: string;
  @Field() url: string;
}

@ObjectType('MonitoringReply')
export class ReplyType {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field() createdAt: Date;
  authorAccountId: string;
}

@ObjectType('MonitoringNote')
export class MonitoringNoteType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field(() => ID, { nullable: true }) transactionId: string | null;
  @Field(() => NoteStatusEnum) status: NoteStatusEnum;
  @Field() title: string;
  @Field() body: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => [ReplyType]) replies: ReplyType[];
}

@ObjectType('BudgetImportRowError')
export class RowErrorType {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true }) column: string | null;
  @Field() messageKey: string;
  @Field(() => String, { nullable: true }) value?: string | null;
}

@ObjectType('BudgetImport')
export class ImportType {
  @Field(() => ID) id: string;
  @Field(() => ImportKindEnum) kind: ImportKindEnum;
  @Field() status: string;
  @Field(() => Int) progress: number;
  @Field() fileName: string;
  @Field(() => Int, { nullable: true }) totalRows: number | null;
  @Field(() => Int, { nullable: true }) importedRows: number | null;
  @Field(() => [RowErrorType]) errors: RowErrorType[];
  @Field({ description: 'Row-by-row error report as CSV' }) errorReportUrl: string;
}

@ObjectType('BudgetExport')
export class ExportType {
  @Field(() => ID) id: string;
  @Field(() => ExportFormatEnum) format: ExportFormatEnum;
  @Field() status: string;
  @Field(() => Int) progress: number;
  @Field({ description: 'Download once status is DONE' }) downloadUrl: string;
}

// ---------- inputs ----------

@InputType()
export class CreateBudgetInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(2000, ctx('errors.budgets.fiscalYear', { min: 2000, max: 2100 }))
  @Max(2100, ctx('errors.budgets.fiscalYear', { min: 2000, max: 2100 }))
  fiscalYear: number;

  @Field(() => CurrencyEnum)
  @IsEnum(CurrencyEnum, ctx('errors.validation.invalid'))
  currency: CurrencyEnum;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.budgets.population'))
  @Max(5_000_000, ctx('errors.budgets.population'))
  population?: number | null;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field({ defaultValue: false, description: "Start from the latest version of last year's budget" })
  @IsBoolean()
  copyFromPreviousYear: boolean;
}

@InputType()
export class BudgetLineInput {
  @Field(() => ID, { nullable: true, description: 'Omit for a new line' })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey?: string | null;

  @Field(() => DirectionEnum)
  @IsEnum(DirectionEnum, ctx('errors.validation.invalid'))
  direction: DirectionEnum;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  economicCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  functionalCode?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  names?: LocalizedTextInput | null;

  @Field({ description: 'Decimal amount in som/tenge as typed: "1 234,50" or "1234.5"' })
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  amount: string;
}

@InputType()
export class SaveBudgetLinesInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => Int, { description: 'The revision the client edited' })
  @IsInt(ctx('errors.validation.invalid'))
  expectedRevision: number;

  @Field(() => [BudgetLineInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(5000, ctx('errors.validation.tooMany', { max: 5000 }))
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  lines: BudgetLineInput[];

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(5000, ctx('errors.validation.tooMany', { max: 5000 }))
  @IsUUID(UUID, { each: true, ...ctx('errors.validation.invalid') })
  removeLineKeys: string[];
}

@InputType()
export class VersionStepInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  expectedRevision: number;
}

@InputType()
export class PublishVersionInput extends VersionStepInput {
  @Field({ description: 'Last day of the public comment period (YYYY-MM-DD)' })
  @IsIsoDate(ctx('errors.validation.date'))
  commentsUntil: string;
}

@InputType()
export class ApproveVersionInput extends VersionStepInput {
  @Field()
  @IsIsoDate(ctx('errors.validation.date'))
  decisionDate: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(50, ctx('errors.validation.tooLong', { max: 50 }))
  decisionNumber: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, ctx('errors.validation.url'))
  @MaxLength(1000, ctx('errors.validation.tooLong', { max: 1000 }))
  decisionFileUrl?: string | null;
}

@InputType()
export class AmendBudgetInput {
  @Field(() => ID, { description: 'The published or approved version to amend' })
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(3, ctx('errors.budgets.reasonRequired'))
  @MaxLength(2000, ctx('errors.validation.tooLong', { max: 2000 }))
  reason: string;
}

@InputType()
export class AddBudgetCommentInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey?: string | null;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(4000, ctx('errors.validation.tooLong', { max: 4000 }))
  body: string;
}

@InputType()
export class AttachmentInput {
  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  name: string;

  @Field()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, ctx('errors.validation.url'))
  @MaxLength(1000, ctx('errors.validation.tooLong', { max: 1000 }))
  url: string;
}

@InputType()
export class RecordTransactionInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  budgetId: string;

  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey: string;

  @Field({ description: 'YYYY-MM-DD, within the fiscal year' })
  @IsIsoDate(ctx('errors.validation.date'))
  occurredOn: string;

  @Field({ description: 'Decimal amount as typed' })
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  amount: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 }))
  counterparty?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(1000, ctx('errors.validation.tooLong', { max: 1000 }))
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'Contract or invoice number' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(100, ctx('errors.validation.tooLong', { max: 100 }))
  documentNumber?: string | null;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20, ctx('errors.validation.tooMany', { max: 20 })) // MAX_ATTACHMENTS (not imported: services import these DTOs)
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  attachments: AttachmentInput[];
}

@InputType()
export class CreateMonitoringNoteInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  budgetId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  transactionId?: string | null;

  @Field(() => NoteStatusEnum)
  @IsEnum(NoteStatusEnum, ctx('errors.validation.invalid'))
  status: NoteStatusEnum;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  title: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MaxLength(8000, ctx('errors.validation.tooLong', { max: 8000 }))
  body: string;
}

@InputType()
export class ClassificationInput {
  @Field()
  @Matches(/^(KG|KZ)$/, ctx('errors.validation.invalid'))
  country: string;

  @Field(() => ClassificationSchemeEnum)
  @IsEnum(ClassificationSchemeEnum, ctx('errors.validation.invalid'))
  scheme: ClassificationSchemeEnum;

  @Field()
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  code: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  parentCode?: string | null;

  @Field(() => DirectionEnum, { nullable: true })
  @IsOptional()
  @IsEnum(DirectionEnum, ctx('errors.validation.invalid'))
  direction?: DirectionEnum | null;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  names: LocalizedTextInput;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(3, ctx('errors.validation.required'))
  @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  source: string;
}

@InputType()
export class RequestExportInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => ExportFormatEnum)
  @IsEnum(ExportFormatEnum, ctx('errors.validation.invalid'))
  format: ExportFormatEnum;
}

@InputType()
export class ImportMappingInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => ImportKindEnum)
  @IsEnum(ImportKindEnum, ctx('errors.validation.invalid'))
  kind: ImportKindEnum;

  @Field(() => [ColumnMapInput])
  @IsArray()
  @ArrayMaxSize(20, ctx('errors.validation.tooMany', { max: 20 }))
  @ValidateNested({ each: true })
  @Type(() => ColumnMapInput)
  columns: ColumnMapInput[];
}

@InputType()
export class ColumnMapInput {
  @Field({ description: 'Our field, e.g. amount, date, economic_code' })
  @Matches(/^[a-z_]{2,30}$/, ctx('errors.validation.invalid'))
  field: string;

  @Field({ description: 'The header in your files' })
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(100, ctx('errors.validation.tooLong', { max: 100 }))
  header: string;
}
