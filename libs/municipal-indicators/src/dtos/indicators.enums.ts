import { registerEnumType } from '@nestjs/graphql';

export enum EServiceEnum { CERTIFICATES = 'CERTIFICATES', HOUSEHOLD_BOOK = 'HOUSEHOLD_BOOK', CITIZEN_APPEALS = 'CITIZEN_APPEALS', APPOINTMENTS = 'APPOINTMENTS', LAND_AND_PROPERTY = 'LAND_AND_PROPERTY', LOCAL_FEES_PAYMENT = 'LOCAL_FEES_PAYMENT', SOCIAL_SUPPORT = 'SOCIAL_SUPPORT', PERMITS = 'PERMITS', OTHER = 'OTHER' }
export enum SocialPlatformEnum { FACEBOOK = 'FACEBOOK', INSTAGRAM = 'INSTAGRAM', TELEGRAM = 'TELEGRAM', WHATSAPP = 'WHATSAPP', YOUTUBE = 'YOUTUBE', TIKTOK = 'TIKTOK', ODNOKLASSNIKI = 'ODNOKLASSNIKI', OTHER = 'OTHER' }
export enum TundukStatusEnum { YES = 'YES', NO = 'NO', IN_PROGRESS = 'IN_PROGRESS' }
export enum ObservationSourceEnum { MANUAL = 'MANUAL', SURVEY = 'SURVEY' }

registerEnumType(EServiceEnum, { name: 'MunicipalEService', description: 'An e-service a municipality offers online (names in the i18n catalogue: municipal.eservice.<CODE>)' });
registerEnumType(SocialPlatformEnum, { name: 'SocialPlatform' });
registerEnumType(TundukStatusEnum, { name: 'TundukStatus', description: 'Connection to the state data-exchange system Tunduk' });
registerEnumType(ObservationSourceEnum, { name: 'ObservationSource' });
