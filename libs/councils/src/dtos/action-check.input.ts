import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ActionItemStatusEnum } from './councils.enums';
import { ctx, IsIsoDate } from './dto-helpers';

@InputType({ description: 'The monitoring body’s check of an item (its secretary records it); not in the future' })
export class ActionCheckInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  itemId: string;

  @Field() @IsIsoDate(ctx('errors.validation.date'))
  checkedOn: string;

  @Field(() => ActionItemStatusEnum) @IsEnum(ActionItemStatusEnum, ctx('errors.validation.invalid'))
  statusFound: ActionItemStatusEnum;

  @Field() @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 })) @IsSafeText()
  finding: string;
}
