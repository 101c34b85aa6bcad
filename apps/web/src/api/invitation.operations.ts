import type { AcceptInvitationMutation, AcceptInvitationMutationVariables, CreateInvitationMutation, CreateInvitationMutationVariables, Role } from './generated/graphql';
import type { Operation } from './operation';

export type CreatedInvitation = CreateInvitationMutation['createInvitation'];

export const CREATE_INVITATION = `mutation CreateInvitation($input: CreateInvitationInput!) {
  createInvitation(input: $input) { id role expiresAt link }
}` as Operation<CreateInvitationMutation, CreateInvitationMutationVariables>;

export const ACCEPT_INVITATION = `mutation AcceptInvitation($token: String!) {
  acceptInvitation(token: $token) { id role community { id } }
}` as Operation<AcceptInvitationMutation, AcceptInvitationMutationVariables>;

/** Roles a community admin can hand out by invitation, in the order people look for them. */
export const INVITABLE_ROLES: Role[] = [
  'CITIZEN',
  'BUDGET_GROUP_MEMBER',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'EXPERT',
  'MODERATOR',
  'COMMUNITY_ADMIN',
];
