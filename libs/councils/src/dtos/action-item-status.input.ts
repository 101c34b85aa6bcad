import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ActionItemStatusEnum } from './councils.enums';
import { ctx } from './dto-helpers';

@InputType({ description: 'DONE needs its evidence' })
export class ActionItemStatusInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  itemId: string;

  @Field(() => ActionItemStatusEnum) @IsEnum(ActionItemStatusEnum, ctx('errors.validation.invalid'))
  status: ActionItemStatusEnum;

  @Field(() => String, { nullable: true, description: 'What shows the work was done (text or a link)' })
  @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 })) @IsSafeText()
  evidence?: string | null;
}
