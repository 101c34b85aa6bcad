import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ctx, MINOR, MONEY, trim } from './dto-helpers';

@InputType()
export class ProposalFieldsInput {
  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(3, ctx('errors.validation.required'))
  @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  title: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 }))
  description: string;

  @Field({ description: MONEY })
  @Matches(MINOR, ctx('errors.participation.cost'))
  estimatedCost: string;

  @Field(() => ID, { nullable: true, description: 'The village the project is for (a territorial unit id)' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  villageUnitId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(80, ctx('errors.validation.tooLong', { max: 80 }))
  category?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the process’s districts (required when it has any)' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of the process’s categories' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  categoryId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Map point: latitude, -90 to 90 (with longitude)' })
  @IsOptional()
  @IsLatitude(ctx('errors.participation.point'))
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude(ctx('errors.participation.point'))
  longitude?: number | null;

}

@InputType()
export class SubmitProposalInput extends ProposalFieldsInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  processId: string;

  @Field(() => ID, { nullable: true, description: 'Made on the phone (offline outbox): the same id with the same content is accepted again' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  clientRequestId?: string | null;
}

@InputType()
export class EditProposalInput extends ProposalFieldsInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  proposalId: string;
}

@InputType()
export class ReviewProposalInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  proposalId: string;

  @Field()
  @IsBoolean(ctx('errors.validation.invalid'))
  feasible: boolean;

  @Field(() => String, { nullable: true, description: MONEY })
  @IsOptional()
  @Matches(MINOR, ctx('errors.participation.cost'))
  reviewedCost?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when not feasible; shown to everyone' })
  @IsOptional()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(2000, ctx('errors.validation.tooLong', { max: 2000 }))
  rejectionReason?: string | null;
}
