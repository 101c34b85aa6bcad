import { registerEnumType } from '@nestjs/graphql';

/** The UI languages as a GraphQL enum (values equal the locale codes). */
export enum Lang {
  ky = 'ky',
  ru = 'ru',
  en = 'en',
  kk = 'kk',
}
registerEnumType(Lang, { name: 'Lang' });
