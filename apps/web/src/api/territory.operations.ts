import type { LocalizedText } from '@ashar/i18n';

export type Country = 'KG' | 'KZ';
export type UnitLevel = 'COUNTRY' | 'REGION' | 'DISTRICT' | 'AIMAK' | 'CITY' | 'VILLAGE';
export type CommunityKind = 'BUDGET_GROUP' | 'INITIATIVE_GROUP' | 'PUBLIC_COUNCIL' | 'LOCAL_KENESH' | 'MUNICIPALITY';
export type Role =
  | 'CITIZEN'
  | 'BUDGET_GROUP_MEMBER'
  | 'COUNCIL_SECRETARY'
  | 'COUNCIL_MEMBER'
  | 'MODERATOR'
  | 'EXPERT'
  | 'COMMUNITY_ADMIN';

export interface UnitSummary {
  code: string;
  level: UnitLevel;
  names: LocalizedText;
}

export interface CommunitySummary {
  id: string;
  kind: CommunityKind;
  names: LocalizedText;
}

export interface UnitDetail extends UnitSummary {
  id: string;
  country: Country;
  validFrom: string | null;
  validTo: string | null;
  ancestors: UnitSummary[];
  children: UnitSummary[];
  successor: UnitSummary | null;
  communities: CommunitySummary[];
}

export interface CommunityDetail extends CommunitySummary {
  myRoles: Role[];
  unit: UnitSummary & { ancestors: UnitSummary[] };
}

export interface MembershipView {
  id: string;
  role: Role;
  community: CommunitySummary & { unit: UnitSummary };
}

// All names come at once so switching language needs no new request on a slow link.
const NAMES = 'names { ky ru en kk }';
const UNIT = `code level ${NAMES}`;

export const TERRITORY_ROOTS = `query TerritoryRoots($country: Country!) {
  territoryRoots(country: $country) { ${UNIT} }
}`;

export const SEARCH_TERRITORY = `query SearchTerritory($query: String!, $limit: Int) {
  searchTerritory(query: $query, limit: $limit) { ${UNIT} ancestors { ${UNIT} } }
}`;

export const TERRITORIAL_UNIT = `query TerritorialUnit($code: String!) {
  territorialUnit(code: $code) {
    id ${UNIT} country validFrom validTo
    ancestors { ${UNIT} }
    children { ${UNIT} }
    successor { ${UNIT} }
    communities { id kind ${NAMES} }
  }
}`;

export const COMMUNITY = `query Community($id: ID!) {
  community(id: $id) {
    id kind ${NAMES} myRoles
    unit { ${UNIT} ancestors { ${UNIT} } }
  }
}`;

export const COMMUNITY_MEMBERS = `query CommunityMembers($id: ID!) {
  community(id: $id) { id members { id role member { id displayName } } }
}`;

export const MY_MEMBERSHIPS = `query MyMemberships {
  me { id memberships { id role community { id kind ${NAMES} unit { ${UNIT} } } } }
}`;
