import { LocalizedTextInput } from '@ashar/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class AddProcessCategoryInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  processId: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;
}
