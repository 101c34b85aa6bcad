import type {
  ApproveMembershipRequestMutation,
  ApproveMembershipRequestMutationVariables,
  DeclineMembershipRequestMutation,
  DeclineMembershipRequestMutationVariables,
  MembershipRequestsQuery,
  MembershipRequestsQueryVariables,
  MyMembershipRequestQuery,
  MyMembershipRequestQueryVariables,
  RequestMembershipMutation,
  RequestMembershipMutationVariables,
} from './generated/graphql';
import type { Operation } from './operation';

export type PendingRequest = NonNullable<MembershipRequestsQuery['community']>['membershipRequests'][number];

export const MY_MEMBERSHIP_REQUEST = `query MyMembershipRequest($id: ID!) {
  community(id: $id) { id myMembershipRequest { id status } }
}` as Operation<MyMembershipRequestQuery, MyMembershipRequestQueryVariables>;

export const REQUEST_MEMBERSHIP = `mutation RequestMembership($input: RequestMembershipInput!) {
  requestMembership(input: $input) { id status }
}` as Operation<RequestMembershipMutation, RequestMembershipMutationVariables>;

export const MEMBERSHIP_REQUESTS = `query MembershipRequests($id: ID!) {
  community(id: $id) { id membershipRequests { id message createdAt member { id displayName } } }
}` as Operation<MembershipRequestsQuery, MembershipRequestsQueryVariables>;

export const APPROVE_MEMBERSHIP_REQUEST = `mutation ApproveMembershipRequest($id: ID!) {
  approveMembershipRequest(id: $id) { id status }
}` as Operation<ApproveMembershipRequestMutation, ApproveMembershipRequestMutationVariables>;

export const DECLINE_MEMBERSHIP_REQUEST = `mutation DeclineMembershipRequest($id: ID!) {
  declineMembershipRequest(id: $id) { id status }
}` as Operation<DeclineMembershipRequestMutation, DeclineMembershipRequestMutationVariables>;
