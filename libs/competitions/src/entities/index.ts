import { ApplicationEditor } from './application-editor.entity';
import { ApplicationFile } from './application-file.entity';
import { Application } from './application.entity';
import { CallExpert } from './call-expert.entity';
import { CallStage } from './call-stage.entity';
import { CompetitionCall } from './competition-call.entity';
import { Interview } from './interview.entity';
import { ReviewAssignment } from './review-assignment.entity';
import { ReviewConflict } from './review-conflict.entity';
import { StageSubmission } from './stage-submission.entity';

export * from './application-editor.entity';
export * from './application-file.entity';
export * from './application.entity';
export * from './call-expert.entity';
export * from './call-stage.entity';
export * from './competition-call.entity';
export * from './interview.entity';
export * from './review-assignment.entity';
export * from './review-conflict.entity';
export * from './stage-submission.entity';

export const COMPETITIONS_ENTITIES = [CompetitionCall, CallStage, Application, ApplicationEditor, StageSubmission, CallExpert, ReviewConflict, ReviewAssignment, Interview, ApplicationFile];
