import { SurveyAnswerSet } from './survey-answer-set.entity';
import { SurveyAssignment } from './survey-assignment.entity';
import { SurveyFormVersion } from './survey-form-version.entity';
import { SurveyQuotaCell } from './survey-quota-cell.entity';
import { Survey } from './survey.entity';

export * from './survey-answer-set.entity';
export * from './survey-assignment.entity';
export * from './survey-form-version.entity';
export * from './survey-quota-cell.entity';
export * from './survey.entity';

export const SURVEYS_ENTITIES = [Survey, SurveyFormVersion, SurveyQuotaCell, SurveyAssignment, SurveyAnswerSet];
