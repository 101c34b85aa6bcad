import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';
import { ProjectStageEnum } from './project.enums';

@ObjectType('ProjectUpdate')
export class ProjectUpdateType {
  @Field(() => ID) id: string;
  @Field(() => ProjectStageEnum) stage: ProjectStageEnum;
  @Field(() => Int) progress: number;
  @Field() body: string;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('Project', { description: 'A winning proposal being built' })
export class ProjectType {
  @Field(() => ID) proposalId: string;
  @Field(() => ID) processId: string;
  @Field(() => ProjectStageEnum) stage: ProjectStageEnum;
  @Field(() => Int) progress: number;
  @Field(() => ID, { nullable: true, description: 'The budget that pays it' }) budgetId: string | null;
  @Field(() => ID, { nullable: true, description: 'The line of that budget (its key)' }) lineKey: string | null;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType('ImplementationSummary', { description: 'Promised versus spent for a process’s winning projects' })
export class ImplementationSummaryType {
  @Field({ description: `Promised: the winners' reviewed costs. ${MONEY}` }) promised: string;
  @Field({ description: `Spent: spending records of the projects' budget lines. ${MONEY}` }) spent: string;
  @Field(() => Int) projects: number;
  @Field(() => Int) done: number;
}
