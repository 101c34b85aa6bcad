import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ctx, trim } from './dto-helpers';
import { ProjectStageEnum } from './project.enums';

@InputType()
export class RecordProjectUpdateInput {
  @Field(() => ID, { description: 'The winning proposal' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  proposalId: string;

  @Field(() => ProjectStageEnum)
  @IsEnum(ProjectStageEnum, ctx('errors.validation.invalid'))
  stage: ProjectStageEnum;

  @Field(() => Int, { description: '0 to 100; DONE needs 100' })
  @IsInt(ctx('errors.validation.invalid'))
  @Min(0, ctx('errors.participation.progress'))
  @Max(100, ctx('errors.participation.progress'))
  progress: number;

  @Field({ description: 'What happened, for residents' })
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(1, ctx('errors.validation.required'))
  @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 }))
  body: string;
}
