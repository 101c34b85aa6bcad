import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ImportKindEnum, ImportUnitEnum } from './budget.enums';
import { ctx, trim, UUID } from './dto-helpers';

/** Where the revenue/expenditure side (ledger: receipt/spending) of the rows comes from. */
export enum ImportSideFromEnum {
  COLUMN = 'COLUMN',
  CODE = 'CODE',
  REVENUE = 'REVENUE',
  EXPENDITURE = 'EXPENDITURE',
}
registerEnumType(ImportSideFromEnum, {
  name: 'BudgetImportSideFrom',
  description: 'COLUMN: the side column; CODE: the economic code; REVENUE / EXPENDITURE: every row of the file is that side',
});

@InputType()
export class ColumnMapInput {
  @Field({ description: 'Our field, e.g. amount, date, economic_code' })
  @Matches(/^[a-z_]{2,30}$/, ctx('errors.validation.invalid'))
  field: string;

  @Field(() => String, { nullable: true, description: 'The header in your files; null or empty: this field has no column in them' })
  @IsOptional()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(100, ctx('errors.validation.tooLong', { max: 100 }))
  header?: string | null;
}

@InputType({ description: 'Where the side of each row comes from, and the words your files use for it' })
export class ImportSideInput {
  @Field(() => ImportSideFromEnum, { nullable: true, description: 'null: the side column when the file has one, else the code' })
  @IsOptional()
  @IsEnum(ImportSideFromEnum, ctx('errors.validation.invalid'))
  from?: ImportSideFromEnum | null;

  @Field(() => String, { nullable: true, description: 'The word for revenue (ledger: receipt) in your side column, e.g. "Д"' })
  @IsOptional()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(40, ctx('errors.validation.tooLong', { max: 40 }))
  revenue?: string | null;

  @Field(() => String, { nullable: true, description: 'The word for expenditure (ledger: spending) in your side column, e.g. "Р"' })
  @IsOptional()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(40, ctx('errors.validation.tooLong', { max: 40 }))
  expenditure?: string | null;
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

  @Field(() => ImportSideInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportSideInput)
  side?: ImportSideInput | null;

  @Field(() => ImportUnitEnum, { nullable: true, description: 'The unit your files are in, used when a file names none (null: keep the one saved before)' })
  @IsOptional()
  @IsEnum(ImportUnitEnum, ctx('errors.validation.invalid'))
  unit?: ImportUnitEnum | null;
}

/** A stored upload (`POST /api/budgets/{id}/imports?stage=1`) previewed again with these settings. */
/** How to read a file: unit, columns and side (a start with the file itself, or a staged upload). */
@InputType({ isAbstract: true })
export class ImportSettingsInput {
  @Field(() => ImportUnitEnum, { nullable: true, description: 'The unit of the amounts (else read from the header or title, else som)' })
  @IsOptional()
  @IsEnum(ImportUnitEnum, ctx('errors.validation.invalid'))
  unit?: ImportUnitEnum | null;

  @Field(() => [ColumnMapInput], { nullable: true, description: "Our field → this file's header (else the community's saved mapping)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, ctx('errors.validation.tooMany', { max: 20 }))
  @ValidateNested({ each: true })
  @Type(() => ColumnMapInput)
  columns?: ColumnMapInput[] | null;

  @Field(() => ImportSideInput, { nullable: true, description: "Where the side comes from (else, without columns, the community's saved rule)" })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportSideInput)
  side?: ImportSideInput | null;

  @Field(() => String, { nullable: true, description: "TREASURY: the report's as-of date, YYYY-MM-DD (else read from its title, e.g. \"по состоянию на 01.04.2026\")" })
  @IsOptional()
  @IsString(ctx('errors.validation.date'))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, ctx('errors.validation.date'))
  asOf?: string | null;
}

@InputType()
export class BudgetImportUploadInput extends ImportSettingsInput {
  @Field(() => ID, { description: 'The uploadId of the staged preview' })
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  uploadId: string;
}

@InputType()
export class ConfirmBudgetImportUploadInput extends BudgetImportUploadInput {
  @Field(() => Boolean, { nullable: true, description: 'Save the columns and side as the community’s mapping for this kind of file (default true when columns are given)' })
  @IsOptional()
  @IsBoolean(ctx('errors.validation.invalid'))
  saveMapping?: boolean | null;
}
