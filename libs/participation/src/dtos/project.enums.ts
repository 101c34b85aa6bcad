import { registerEnumType } from '@nestjs/graphql';

export enum ProjectStageEnum {
  PLANNED = 'PLANNED',
  PROCUREMENT = 'PROCUREMENT',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(ProjectStageEnum, { name: 'ProjectStage', description: 'PLANNED → PROCUREMENT → IN_PROGRESS → DONE; forward only' });
