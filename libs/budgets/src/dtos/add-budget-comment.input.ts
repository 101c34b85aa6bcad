import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, trim, UUID } from './dto-helpers';

@InputType()
export class AddBudgetCommentInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey?: string | null;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(4000, ctx('errors.validation.tooLong', { max: 4000 }))
  body: string;
}
