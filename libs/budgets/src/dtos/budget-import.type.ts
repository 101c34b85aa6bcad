import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ImportKindEnum, ImportUnitEnum } from './budget.enums';
import { RowErrorType, SkippedRowType } from './budget-import-row-error.type';

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
  @Field(() => ImportUnitEnum, { nullable: true, description: 'The unit chosen at upload (null: read from the file)' }) unit: ImportUnitEnum | null;
  @Field(() => [SkippedRowType], { description: 'Rows left out (totals, subtotals, headings) of a done import' }) skippedRows: SkippedRowType[];
  @Field(() => Int, { nullable: true, description: "The header's line in the file (a done import)" }) headerLine: number | null;
  @Field(() => String, { nullable: true, description: 'TREASURY: the as-of date of the report (chosen at upload, else read from its title once done)' }) asOf: string | null;
}

@ObjectType('BudgetTreasuryPreviewTotals')
export class TreasuryPreviewTotalsType {
  @Field(() => String, { nullable: true, description: 'Minor units; null when the report gives no approved plan' }) revenueApprovedPlan: string | null;
  @Field(() => String, { nullable: true }) revenueRevisedPlan: string | null;
  @Field(() => String, { nullable: true }) expenditureApprovedPlan: string | null;
  @Field(() => String, { nullable: true }) expenditureRevisedPlan: string | null;
  @Field(() => Int, { description: 'Rows whose code is the start of another code of the report (groups): stored, left out of the totals' }) groupRows: number;
}

@ObjectType('BudgetImportColumn')
export class ImportColumnType {
  @Field() field: string;
  @Field({ description: 'The header in the file' }) header: string;
}

@ObjectType('BudgetImportMessageParam')
export class ImportMessageParamType {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType('BudgetImportWarning')
export class ImportWarningType {
  @Field() messageKey: string;
  @Field(() => [ImportMessageParamType], { description: "The message's parameters, for clients that translate it themselves" }) params: ImportMessageParamType[];
  @Field({ description: "The message in the request's language" }) message: string;
}

@ObjectType('BudgetImportPreviewRow', { description: 'A row as it will be stored' })
export class ImportPreviewRowType {
  @Field(() => Int) line: number;
  @Field(() => String, { nullable: true, description: 'REVENUE or EXPENDITURE (budget lines)' }) direction: string | null;
  @Field(() => String, { nullable: true, description: 'SPENDING or RECEIPT (ledger)' }) kind: string | null;
  @Field(() => String, { nullable: true }) date: string | null;
  @Field(() => String, { nullable: true }) economicCode: string | null;
  @Field(() => String, { nullable: true }) functionalCode: string | null;
  @Field(() => String, { nullable: true, description: 'A name or purpose from the file' }) label: string | null;
  @Field({ description: 'Minor units (tyiyn / tiyn)' }) amount: string;
}

@ObjectType('BudgetImportFileColumn', { description: "A column of the file's header row" })
export class ImportFileColumnType {
  @Field(() => Int, { description: 'Position, from 0' }) index: number;
  @Field({ description: 'The header as the file spells it' }) header: string;
  @Field(() => String, { nullable: true, description: 'The field it is read as (null: left out)' }) field: string | null;
  @Field(() => String, { nullable: true, description: 'Its cell in the first data row' }) sample: string | null;
}

@ObjectType('BudgetImportField')
export class ImportFieldType {
  @Field() field: string;
  @Field({ description: 'The file must have a column for it' }) required: boolean;
}

@ObjectType('BudgetImportSideRule')
export class ImportSideRuleType {
  @Field(() => String, { nullable: true, description: 'COLUMN, CODE, REVENUE or EXPENDITURE; null: the side column if any, else the code' }) from: string | null;
  @Field(() => String, { nullable: true }) revenue: string | null;
  @Field(() => String, { nullable: true }) expenditure: string | null;
}

@ObjectType('BudgetImportPreview', { description: 'What an import of this file would store, read and checked, nothing written' })
export class ImportPreviewType {
  @Field() format: string;
  @Field(() => String, { nullable: true, description: 'UTF-8, UTF-8-BOM or WINDOWS-1251 (CSV)' }) encoding: string | null;
  @Field(() => String, { nullable: true, description: 'The separator found (CSV)' }) separator: string | null;
  @Field(() => Int, { description: "The header's line in the file" }) headerLine: number;
  @Field(() => [ImportColumnType]) columns: ImportColumnType[];
  @Field(() => ImportUnitEnum) unit: ImportUnitEnum;
  @Field({ description: "CHOSEN, HEADER, TITLE, SAVED (the unit saved with the community's column mapping) or DEFAULT" }) unitSource: string;
  @Field(() => String, { nullable: true, description: 'COLUMN or CODE: where the revenue/expenditure side comes from' }) sideFrom: string | null;
  @Field(() => Int, { description: 'Data rows that would be stored' }) lineCount: number;
  @Field({ description: 'Minor units' }) revenueTotal: string;
  @Field({ description: 'Minor units' }) expenditureTotal: string;
  @Field(() => [ImportPreviewRowType], { description: 'The first 20 rows as they will be stored' }) rows: ImportPreviewRowType[];
  @Field(() => [SkippedRowType]) skipped: SkippedRowType[];
  @Field(() => [RowErrorType]) errors: RowErrorType[];
  @Field(() => Int) errorCount: number;
  @Field(() => [ImportWarningType]) warnings: ImportWarningType[];
  @Field(() => [ImportFileColumnType], { description: "Every column of the file's header row and the field it is read as" }) fileColumns: ImportFileColumnType[];
  @Field(() => [ImportFieldType], { description: 'The fields of this kind of file' }) fields: ImportFieldType[];
  @Field(() => ImportSideRuleType, { description: 'The side rule asked for (given or saved)' }) side: ImportSideRuleType;
  @Field({ description: "GIVEN (this request's columns), SAVED (the community's mapping) or NONE (found by name)" }) mappingSource: string;
  @Field(() => ID, { nullable: true, description: 'The stored upload previewed: preview it again or confirm it without sending the file again' }) uploadId: string | null;
  @Field(() => String, { nullable: true }) fileName: string | null;
  @Field(() => String, { nullable: true, description: "TREASURY: the report's as-of date (YYYY-MM-DD)" }) asOf: string | null;
  @Field(() => String, { nullable: true, description: 'TREASURY: CHOSEN (given at upload) or TITLE (read from the file)' }) asOfSource: string | null;
  @Field(() => TreasuryPreviewTotalsType, { nullable: true, description: 'TREASURY: plan totals per side (revenueTotal / expenditureTotal are the cumulative actuals)' }) treasuryTotals: TreasuryPreviewTotalsType | null;
}

