import { isComparisonArea, isMunicipality } from '../../../../../libs/municipal-indicators/src/domain/indicators';
import { municipalRole } from './municipal-role';

// The web's copy of the rule must agree with the server's on every level × kind the classifiers use.
test('the place page links the same units the server accepts', () => {
  const kinds = ['aiyl_aimak', 'rural_okrug', 'town', 'district', 'settlement_or_other', 'city_admin', 'city_oblast', 'rayon', 'city_republican', 'oblast', 'region', 'village'];
  for (const level of ['COUNTRY', 'REGION', 'DISTRICT', 'AIMAK', 'CITY', 'VILLAGE']) {
    for (const kind of kinds) {
      const expected = isMunicipality(level, kind) ? 'municipality' : isComparisonArea(level, kind) ? 'area' : null;
      expect({ level, kind, role: municipalRole(level, kind) }).toEqual({ level, kind, role: expected });
    }
  }
});
