import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
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
}
