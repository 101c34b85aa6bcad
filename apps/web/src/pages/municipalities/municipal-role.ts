/**
 * Which municipality-indicator page a place links to. The same rule as the server's `isMunicipality` /
 * `isComparisonArea` (libs/municipal-indicators/src/domain/indicators.ts; the web may import only pure
 * libraries, and that one is a server library): the server stays the judge and answers NOT_FOUND otherwise.
 */
export function municipalRole(level: string, kind: string): 'municipality' | 'area' | null {
  const municipality = level === 'AIMAK' || (level === 'CITY' && kind === 'town') || (level === 'DISTRICT' && kind === 'city_oblast') || (level === 'REGION' && kind === 'city_republican');
  if (municipality) return 'municipality';
  return level === 'DISTRICT' || level === 'REGION' ? 'area' : null;
}
