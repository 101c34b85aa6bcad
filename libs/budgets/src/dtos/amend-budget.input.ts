import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, trim, UUID } from './dto-helpers';

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

  @Field(() => Boolean, { nullable: true, description: 'True: the new version is the final budget (approved at year end once the republican budget is adopted), labelled "final", not an amendment; at most one per budget' })
  @IsOptional()
  @IsBoolean(ctx('errors.validation.invalid'))
  final?: boolean | null;
}
