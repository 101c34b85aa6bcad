import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ctx, trim, UUID, IsIsoDate, AMOUNT_TEXT } from './dto-helpers';
import { AttachmentInput } from './attachment.input';

@InputType()
export class RecordTransactionInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  budgetId: string;

  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey: string;

  @Field({ description: 'YYYY-MM-DD, within the fiscal year' })
  @IsIsoDate(ctx('errors.validation.date'))
  occurredOn: string;

  @Field({ description: 'Decimal amount as typed' })
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  amount: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 }))
  counterparty?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(1000, ctx('errors.validation.tooLong', { max: 1000 }))
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'Contract or invoice number' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(100, ctx('errors.validation.tooLong', { max: 100 }))
  documentNumber?: string | null;

  @Field(() => ID, { nullable: true, description: 'An id made on the phone (UUID) for a write it may send again (offline outbox): the same id with the same content answers the stored record again; with other content, CONFLICT' })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  clientRequestId?: string | null;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20, ctx('errors.validation.tooMany', { max: 20 })) // MAX_ATTACHMENTS (not imported: services import these DTOs)
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  attachments: AttachmentInput[];
}
