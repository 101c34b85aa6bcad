/** GraphQL operations of the resident's verification (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
  VerConfirmPhoneMutation,
  VerConfirmPhoneMutationVariables,
  VerInPersonMutation,
  VerInPersonMutationVariables,
  VerMyLevelQuery,
  VerMyLevelQueryVariables,
  VerRequestPhoneMutation,
  VerRequestPhoneMutationVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type { VerificationLevel } from '../../api/generated/graphql';

export const VER_MY_LEVEL = `query VerMyLevel($communityId: ID!) {
  myVoterVerification(communityId: $communityId) { level phone inPersonVerifiedAt }
}` as Operation<VerMyLevelQuery, VerMyLevelQueryVariables>;

export const VER_REQUEST_PHONE = `mutation VerRequestPhone($input: RequestPhoneVerificationInput!) {
  requestPhoneVerification(input: $input) { phone expiresAt attemptsAllowed }
}` as Operation<VerRequestPhoneMutation, VerRequestPhoneMutationVariables>;

export const VER_CONFIRM_PHONE = `mutation VerConfirmPhone($input: ConfirmPhoneVerificationInput!) {
  confirmPhoneVerification(input: $input) { phone verifiedAt }
}` as Operation<VerConfirmPhoneMutation, VerConfirmPhoneMutationVariables>;

/** A budget-group member saw the resident's document (KG PIN / KZ IIN); the number is kept only as a keyed hash. */
export const VER_IN_PERSON = `mutation VerInPerson($input: VerifyInPersonInput!) {
  verifyResidentInPerson(input: $input) { accountId communityId documentKind verifiedAt }
}` as Operation<VerInPersonMutation, VerInPersonMutationVariables>;
