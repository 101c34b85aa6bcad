export * from './surveys.manifest';
export * from './surveys.module';
export * from './surveys.permissions';
export * from './surveys.operation-policies';
export * from './services/survey.service';
export * from './entities';
export { SurveyAnswersReader } from './services/survey-answers.reader';
