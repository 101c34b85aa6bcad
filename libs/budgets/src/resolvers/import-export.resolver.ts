import { Actor, CurrentActor } from '@ashar/auth';
import { ctx, Ctx, RequestContext, UuidArg } from '@ashar/graphql';
import { AppConfig, InvalidInputError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Args, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { Locale, translate } from '@ashar/i18n';
import { BudgetImportUploadInput, ConfirmBudgetImportUploadInput, ImportSettingsInput, ExportType, ImportKindEnum, ImportMappingInput, ImportPreviewType, ImportType, RequestExportInput } from '../dtos';
import { BudgetExport } from '../entities/budget-export.entity';
import { BudgetImport } from '../entities/budget-import.entity';
import type { ImportUnit } from '../domain/import-rows';
import { ExportService } from '../services/export.service';
import { ImportService } from '../services/import.service';

@InputType()
export class StartBudgetImportInput extends ImportSettingsInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  budgetId: string;

  @Field(() => ImportKindEnum)
  @IsEnum(ImportKindEnum, ctx('errors.validation.invalid'))
  kind: ImportKindEnum;

  @Field()
  @IsString(ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  fileName: string;

  @Field({ description: 'The file, base64 (small files; larger ones go to POST /api/budgets/{id}/imports)' })
  @IsString(ctx('errors.validation.required'))
  @MaxLength(1_000_000, ctx('errors.budgets.import.tooLarge'))
  contentBase64: string;
}

@Resolver()
export class ImportExportResolver {
  constructor(private readonly imports: ImportService, private readonly exports: ExportService, @InjectConfig() private readonly config: AppConfig) {}

  private importType(i: BudgetImport, locale: Locale): ImportType {
    return {
      ...i,
      kind: i.kind as never,
      unit: i.unit as never,
      errors: (i.errors ?? []).map((e) => ({ ...e, message: translate(locale, e.messageKey, e.params) })),
      skippedRows: (i.report?.skipped ?? []).map((k) => ({ ...k, reason: translate(locale, k.reasonKey) })),
      headerLine: i.report?.headerLine ?? null,
      asOf: i.asOf ?? i.report?.info?.asOf ?? null,
      errorReportUrl: `${this.config.publicUrl}/api/budgets/imports/${i.id}/errors.csv`,
    };
  }

  private exportType(e: BudgetExport): ExportType {
    return { id: e.id, format: e.format as never, status: e.status, progress: e.progress, downloadUrl: `${this.config.publicUrl}/api/budgets/exports/${e.id}/download` };
  }

  @Mutation(() => ImportType, { description: 'Starts an import job; the same file twice is one import' })
  async startBudgetImport(@CurrentActor() actor: Actor, @Args('input') input: StartBudgetImportInput, @Ctx() ctx: RequestContext) {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (!content.length) throw new InvalidInputError('input.contentBase64', 'errors.budgets.import.empty');
    return this.importType(await this.imports.start(actor, { budgetId: input.budgetId, kind: input.kind, fileName: input.fileName, content, locale: ctx.locale, unit: input.unit, columns: input.columns, side: input.side, asOf: input.asOf }), ctx.locale);
  }

  @Query(() => ImportPreviewType, { description: 'Reads and checks a file as startBudgetImport would, writing nothing: how it was read, totals, first rows, skipped rows, errors, warnings' })
  async previewBudgetImport(@CurrentActor() actor: Actor, @Args('input') input: StartBudgetImportInput, @Ctx() ctx: RequestContext) {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (!content.length) throw new InvalidInputError('input.contentBase64', 'errors.budgets.import.empty');
    return this.imports.preview(actor, { budgetId: input.budgetId, kind: input.kind, fileName: input.fileName, content, locale: ctx.locale, unit: input.unit, columns: input.columns, side: input.side, asOf: input.asOf });
  }

  @Query(() => ImportPreviewType, { description: 'The preview of a stored upload (POST /api/budgets/{id}/imports?stage=1) again, with other columns, side or unit; nothing written' })
  async previewBudgetImportUpload(@CurrentActor() actor: Actor, @Args('input') input: BudgetImportUploadInput, @Ctx() ctx: RequestContext) {
    return this.imports.previewUpload(actor, { ...input, locale: ctx.locale });
  }

  @Mutation(() => ImportType, { description: 'Imports a stored upload with these settings (those of its last preview) without sending the file again; saves the columns and side for the community unless saveMapping is false' })
  async confirmBudgetImportUpload(@CurrentActor() actor: Actor, @Args('input') input: ConfirmBudgetImportUploadInput, @Ctx() ctx: RequestContext) {
    return this.importType(await this.imports.confirmUpload(actor, { ...input, locale: ctx.locale }), ctx.locale);
  }

  @Query(() => ImportType)
  async budgetImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string, @Ctx() ctx: RequestContext) {
    return this.importType(await this.imports.get(actor, id), ctx.locale);
  }

  @Mutation(() => [String], { description: 'Saves the column mapping for this community; returns field=header pairs' })
  async saveBudgetImportMapping(@CurrentActor() actor: Actor, @Args('input') input: ImportMappingInput) {
    const m = await this.imports.saveMapping(actor, input.communityId, input.kind, input.columns, input.side, input.unit as ImportUnit | null | undefined);
    return Object.entries(m).map(([k, v]) => `${k}=${v}`);
  }

  @Mutation(() => ExportType)
  async requestBudgetExport(@CurrentActor() actor: Actor, @Args('input') input: RequestExportInput, @Ctx() ctx: RequestContext) {
    return this.exportType(await this.exports.request(actor, input.versionId, input.format, input.locale ?? ctx.locale));
  }

  @Query(() => ExportType)
  async budgetExport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.exportType(await this.exports.get(actor, id));
  }
}
