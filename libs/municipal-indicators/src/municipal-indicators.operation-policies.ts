import { communityRoles, OperationPolicy } from '@ashar/auth';
import { SURVEYS_PERMISSIONS } from '@ashar/surveys';
import { MUNICIPAL_INDICATORS_PERMISSIONS as P } from './municipal-indicators.permissions';

/** Published data about public bodies: every read is public; recording is for the unit's community. */
export const MUNICIPAL_INDICATORS_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.municipalityIndicators', allow: 'public' },
  { operation: 'Query.municipalityComparison', allow: 'public' },
  { operation: 'Query.municipalityEServices', allow: 'public' },
  {
    operation: 'Mutation.recordMunicipalityObservation',
    allow: communityRoles(P['municipalIndicators.record']),
    permission: 'municipalIndicators.record',
    note: 'the target is the unit: a role in any community attached to that unit counts (the fixtures’ community A sits on UNIT_A)',
  },
  {
    operation: 'Mutation.recordMunicipalityObservationsFromSurvey',
    allow: communityRoles(SURVEYS_PERMISSIONS['surveys.manage']),
    permission: 'surveys.manage',
    publicPart: 'NOT_FOUND to all but the survey’s organisers',
    note: 'then each answer set is recorded under recordMunicipalityObservation’s own permission (skipped with FORBIDDEN in the answer when the caller may not record for its unit)',
  },
  { operation: 'GET /api/public/municipal-indicators/:areaUnitId-excel.csv', allow: 'public' },
  { operation: 'GET /api/public/municipal-indicators/:areaUnitId.csv', allow: 'public' },
  { operation: 'GET /api/public/municipal-indicators/:areaUnitId.json', allow: 'public' },
];
