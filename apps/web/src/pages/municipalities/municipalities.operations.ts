/** GraphQL operations of the municipality-indicator pages (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
  MiComparisonQuery,
  MiComparisonQueryVariables,
  MiIndicatorsQuery,
  MiIndicatorsQueryVariables,
  MiRecordMutation,
  MiRecordMutationVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

const OBSERVATION = `id observedOn websiteUrl websiteAnswered eServices eServicesOther tunduk tundukSince
  contactPhone contactEmail contactAnswered contactCheckedOn source
  socialAccounts { platform url lastPostOn postsLast30Days active }
  score { total eServices website tunduk activeSocial contactAnswers }`;

export const MI_COMPARISON = `query MiComparison($areaUnitId: ID!) {
  municipalityComparison(areaUnitId: $areaUnitId) {
    maxScore
    area { id code level names { ky ru en kk } }
    rows { score unit { id code names { ky ru en kk } } current { ${OBSERVATION} } }
    totals { municipalities observed withWebsite withTunduk withActiveSocial withContactAnswering eServicesOffered websiteShare tundukShare activeSocialShare contactShare averageEServices averageScore }
  }
}` as Operation<MiComparisonQuery, MiComparisonQueryVariables>;

export const MI_INDICATORS = `query MiIndicators($unitId: ID!) {
  municipalityIndicators(unitId: $unitId) {
    canRecord maxScore
    unit { id code level names { ky ru en kk } parent { id code level names { ky ru en kk } } }
    current { ${OBSERVATION} }
    history { ${OBSERVATION} }
  }
}` as Operation<MiIndicatorsQuery, MiIndicatorsQueryVariables>;

export const MI_RECORD = `mutation MiRecord($input: RecordMunicipalityObservationInput!) {
  recordMunicipalityObservation(input: $input) { id }
}` as Operation<MiRecordMutation, MiRecordMutationVariables>;

export type MiObservation = NonNullable<MiIndicatorsQuery['municipalityIndicators']['current']>;

/** The fixed lists, in the order the API defines them (the server refuses anything else). */
export const E_SERVICES = ['CERTIFICATES', 'HOUSEHOLD_BOOK', 'CITIZEN_APPEALS', 'APPOINTMENTS', 'LAND_AND_PROPERTY', 'LOCAL_FEES_PAYMENT', 'SOCIAL_SUPPORT', 'PERMITS', 'OTHER'] as const;
export const PLATFORMS = ['FACEBOOK', 'INSTAGRAM', 'TELEGRAM', 'WHATSAPP', 'YOUTUBE', 'TIKTOK', 'ODNOKLASSNIKI', 'OTHER'] as const;
export const TUNDUK = ['YES', 'IN_PROGRESS', 'NO'] as const;

/** Public open-data files of an area, in the page's language. */
export const exportLinks = (areaUnitId: string, lang: string) => ({
  csv: `/api/public/municipal-indicators/${areaUnitId}.csv?lang=${lang}`,
  excel: `/api/public/municipal-indicators/${areaUnitId}-excel.csv?lang=${lang}`,
  json: `/api/public/municipal-indicators/${areaUnitId}.json`,
});
