import { registerEnumType } from '@nestjs/graphql';

export enum NationalIdKindEnum {
  /** Kyrgyzstan: personal identification number, 14 digits. */
  KG_PIN = 'KG_PIN',
  /** Kazakhstan: individual identification number, 12 digits. */
  KZ_IIN = 'KZ_IIN',
}
registerEnumType(NationalIdKindEnum, { name: 'NationalIdKind', description: 'KG_PIN: Kyrgyz PIN (14 digits); KZ_IIN: Kazakh IIN (12 digits)' });
