import { Field, ID, InputType } from '@nestjs/graphql';
import { LOCALES } from '@ashar/i18n';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ExportFormatEnum } from './budget.enums';
import { ctx, UUID } from './dto-helpers';

@InputType()
export class RequestExportInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => ExportFormatEnum)
  @IsEnum(ExportFormatEnum, ctx('errors.validation.invalid'))
  format: ExportFormatEnum;

  @Field({ nullable: true, description: 'Language of sheet names, column headers and words in XLSX and CSV_EXCEL (ky, ru, en, kk); default: the request language' })
  @IsOptional()
  @IsIn([...LOCALES], ctx('errors.validation.invalid'))
  locale?: string;
}
