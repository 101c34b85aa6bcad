import { registerEnumType } from '@nestjs/graphql';

export enum SurveyGender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(SurveyGender, { name: 'SurveyGender' });

export enum SurveyAnswerSetStatus {
  /** Stored now. */
  ACCEPTED = 'ACCEPTED',
  /** Stored before under this instance id with the same content: nothing new stored. */
  ALREADY_RECEIVED = 'ALREADY_RECEIVED',
}
registerEnumType(SurveyAnswerSetStatus, { name: 'SurveyAnswerSetStatus' });

export enum SurveyLanguageCode {
  ky = 'ky',
  ru = 'ru',
  kk = 'kk',
  en = 'en',
}
registerEnumType(SurveyLanguageCode, { name: 'SurveyLanguage' });

/** What a breakdown's columns are made of (the sample plan's dimensions). */
export enum SurveyDimension {
  TERRITORY = 'TERRITORY',
  GENDER = 'GENDER',
  AGE_GROUP = 'AGE_GROUP',
}
registerEnumType(SurveyDimension, { name: 'SurveyDimension' });
