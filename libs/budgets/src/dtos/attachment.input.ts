import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { ctx, trim } from './dto-helpers';

@InputType()
export class AttachmentInput {
  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  name: string;

  @Field()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, ctx('errors.validation.url'))
  @MaxLength(1000, ctx('errors.validation.tooLong', { max: 1000 }))
  url: string;
}
