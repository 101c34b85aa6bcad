import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { NoteStatusEnum } from './budget.enums';
import { ctx, trim, UUID } from './dto-helpers';

@InputType()
export class CreateMonitoringNoteInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  budgetId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  transactionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An id made on the phone (UUID) for a write it may send again (offline outbox): the same id with the same content answers the stored record again; with other content, CONFLICT' })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  clientRequestId?: string | null;

  @Field(() => NoteStatusEnum)
  @IsEnum(NoteStatusEnum, ctx('errors.validation.invalid'))
  status: NoteStatusEnum;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  title: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MaxLength(8000, ctx('errors.validation.tooLong', { max: 8000 }))
  body: string;
}
