import type { Role } from './territory.operations';

export interface CreatedInvitation {
  id: string;
  role: Role;
  expiresAt: string;
  link: string | null;
}

export const CREATE_INVITATION = `mutation CreateInvitation($input: CreateInvitationInput!) {
  createInvitation(input: $input) { id role expiresAt link }
}`;

export const ACCEPT_INVITATION = `mutation AcceptInvitation($token: String!) {
  acceptInvitation(token: $token) { id role community { id } }
}`;

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
