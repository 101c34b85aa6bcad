import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ImportKindEnum } from './budget.enums';
import { ctx, trim, UUID } from './dto-helpers';

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
