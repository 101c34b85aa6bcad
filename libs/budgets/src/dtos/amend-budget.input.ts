import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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
}
