import type {
  CommunityMembersQuery,
  CommunityMembersQueryVariables,
  CommunityQuery,
  CommunityQueryVariables,
  MyMembershipsQuery,
  MyMembershipsQueryVariables,
  SearchTerritoryQuery,
  SearchTerritoryQueryVariables,
  TerritorialUnitQuery,
  TerritorialUnitQueryVariables,
  TerritoryRootsQuery,
  TerritoryRootsQueryVariables,
} from './generated/graphql';
import type { Operation } from './operation';

export type { CommunityKind, Country, Role, UnitLevel } from './generated/graphql';

/** Shapes the pages pass around, taken from the generated result types of the operations below. */
export type UnitSummary = TerritoryRootsQuery['territoryRoots'][number];
export type UnitDetail = TerritorialUnitQuery['territorialUnit'];
export type CommunitySummary = UnitDetail['communities'][number];
export type CommunityDetail = CommunityQuery['community'];
export type MembershipView = NonNullable<MyMembershipsQuery['me']>['memberships'][number];

// All names come at once so switching language needs no new request on a slow link.
const NAMES = 'names { ky ru en kk }';
const UNIT = `code level ${NAMES}`;

export const TERRITORY_ROOTS = `query TerritoryRoots($country: Country!) {
  territoryRoots(country: $country) { ${UNIT} }
}` as Operation<TerritoryRootsQuery, TerritoryRootsQueryVariables>;

export const SEARCH_TERRITORY = `query SearchTerritory($query: String!, $limit: Int) {
  searchTerritory(query: $query, limit: $limit) { ${UNIT} ancestors { ${UNIT} } }
}` as Operation<SearchTerritoryQuery, SearchTerritoryQueryVariables>;

export const TERRITORIAL_UNIT = `query TerritorialUnit($code: String!) {
  territorialUnit(code: $code) {
    id ${UNIT} kind country validFrom validTo
    ancestors { ${UNIT} communities { id kind ${NAMES} } }
    children { ${UNIT} }
    successor { ${UNIT} }
    communities { id kind ${NAMES} }
  }
}` as Operation<TerritorialUnitQuery, TerritorialUnitQueryVariables>;

export const COMMUNITY = `query Community($id: ID!) {
  community(id: $id) {
    id kind ${NAMES} slug myRoles
    unit { ${UNIT} ancestors { ${UNIT} } }
  }
}` as Operation<CommunityQuery, CommunityQueryVariables>;

export const COMMUNITY_MEMBERS = `query CommunityMembers($id: ID!) {
  community(id: $id) { id members { id role member { id displayName } } }
}` as Operation<CommunityMembersQuery, CommunityMembersQueryVariables>;

export const MY_MEMBERSHIPS = `query MyMemberships {
  me { id memberships { id role community { id kind ${NAMES} unit { ${UNIT} } } } }
}` as Operation<MyMembershipsQuery, MyMembershipsQueryVariables>;
