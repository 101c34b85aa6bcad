import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, ValidateNested } from 'class-validator';
import { ctx, UUID } from './dto-helpers';
import { BudgetLineInput } from './budget-line.input';

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
