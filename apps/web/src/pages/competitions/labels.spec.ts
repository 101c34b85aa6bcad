import { CATALOGUES } from '@ashar/i18n';
import { ALL_LABEL_MAPS } from './labels';

// Every label of the competition pages exists in the four catalogues (a missing one would show its key).
it('every competitions label key is in all four catalogues', () => {
  const missing = ALL_LABEL_MAPS.flatMap((m) => Object.values(m)).flatMap((k) => (['ky', 'ru', 'en', 'kk'] as const).filter((l) => !(k in CATALOGUES[l])).map((l) => `${l}: ${k}`));
  expect(missing).toEqual([]);
});
