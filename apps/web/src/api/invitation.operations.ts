import type {
  AcceptInvitationMutation,
  AcceptInvitationMutationVariables,
  CreateGroupInvitationMutation,
  CreateGroupInvitationMutationVariables,
  CreateInvitationMutation,
  CreateInvitationMutationVariables,
  GroupInvitationsQuery,
  InvitationPreviewQuery,
  InvitationPreviewQueryVariables,
  GroupInvitationsQueryVariables,
  RevokeInvitationMutation,
  RevokeInvitationMutationVariables,
  Role,
} from './generated/graphql';
import type { Operation } from './operation';

export type CreatedInvitation = CreateInvitationMutation['createInvitation'];
export type CreatedGroupInvitation = CreateGroupInvitationMutation['createGroupInvitation'];
export type GroupInvitationRow = NonNullable<GroupInvitationsQuery['community']>['groupInvitations'][number];

export const CREATE_INVITATION = `mutation CreateInvitation($input: CreateInvitationInput!) {
  createInvitation(input: $input) { id role expiresAt link }
}` as Operation<CreateInvitationMutation, CreateInvitationMutationVariables>;

export const CREATE_GROUP_INVITATION = `mutation CreateGroupInvitation($input: CreateGroupInvitationInput!) {
  createGroupInvitation(input: $input) { id role maxUses uses expiresAt link }
}` as Operation<CreateGroupInvitationMutation, CreateGroupInvitationMutationVariables>;

export const GROUP_INVITATIONS = `query GroupInvitations($id: ID!) {
  community(id: $id) { id groupInvitations { id role maxUses uses expiresAt } }
}` as Operation<GroupInvitationsQuery, GroupInvitationsQueryVariables>;

export const REVOKE_INVITATION = `mutation RevokeInvitation($id: ID!) {
  revokeInvitation(id: $id) { id uses }
}` as Operation<RevokeInvitationMutation, RevokeInvitationMutationVariables>;

export const INVITATION_PREVIEW = `query InvitationPreview($token: String!) {
  invitation(token: $token) { role group state usesLeft expiresAt community { id names { ky ru en kk } } }
}` as Operation<InvitationPreviewQuery, InvitationPreviewQueryVariables>;

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
  'INTERVIEWER',
  'MODERATOR',
  'COMMUNITY_ADMIN',
];

/** A group link never makes admins (the API refuses it too). */
export const GROUP_ROLES: Role[] = INVITABLE_ROLES.filter((r) => r !== 'COMMUNITY_ADMIN');
