import { OperationPolicy } from '@ashar/auth';

/** Who may call each territory operation: the map is public, reforms are for platform admins. */
export const TERRITORY_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.territoryRoots', allow: 'public' },
  { operation: 'Query.territorialUnit', allow: 'public' },
  { operation: 'Query.searchTerritory', allow: 'public' },
  { operation: 'Query.community', allow: 'public' },
  { operation: 'Mutation.mergeTerritorialUnits', allow: { scope: 'platform' } },
];
