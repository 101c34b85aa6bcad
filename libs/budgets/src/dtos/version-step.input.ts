import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, trim, UUID, IsIsoDate } from './dto-helpers';

@InputType()
export class VersionStepInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  versionId: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  expectedRevision: number;
}

@InputType()
export class PublishVersionInput extends VersionStepInput {
  @Field({ description: 'Last day of the public comment period (YYYY-MM-DD)' })
  @IsIsoDate(ctx('errors.validation.date'))
  commentsUntil: string;
}

@InputType()
export class ApproveVersionInput extends VersionStepInput {
  @Field()
  @IsIsoDate(ctx('errors.validation.date'))
  decisionDate: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(50, ctx('errors.validation.tooLong', { max: 50 }))
  decisionNumber: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, ctx('errors.validation.url'))
  @MaxLength(1000, ctx('errors.validation.tooLong', { max: 1000 }))
  decisionFileUrl?: string | null;
}
