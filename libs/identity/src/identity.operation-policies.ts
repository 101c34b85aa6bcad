import { communityRoles, OperationPolicy } from '@ashar/auth';
import { IDENTITY_PERMISSIONS as P } from './identity.permissions';

/** Who may call each identity operation (account, session, membership and invitation services). */
export const IDENTITY_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.me', allow: 'public', publicPart: 'null when not signed in' },
  { operation: 'Mutation.signUp', allow: 'public' },
  { operation: 'Mutation.logIn', allow: 'public' },
  { operation: 'Mutation.refreshSession', allow: 'public', note: 'the refresh token is the credential' },
  { operation: 'Mutation.logOut', allow: 'public' },
  { operation: 'Mutation.unlockSignIn', allow: 'public', note: 'the one-time code from the unlock mail is the credential' },
  { operation: 'Mutation.setLocale', allow: 'authenticated', note: "the caller's own account" },
  { operation: 'Mutation.updateResidentProfile', allow: 'authenticated', note: "the caller's own profile, or the assisted resident's (x-on-behalf-of, checked by resident.assist)" },
  { operation: 'Query.invitation', allow: 'public', note: 'the invitation token is the capability; null for an unknown token' },
  { operation: 'Mutation.acceptInvitation', allow: 'authenticated', note: 'the invitation token is the capability' },
  { operation: 'Mutation.createInvitation', allow: communityRoles(P['community.invite']), permission: 'community.invite' },
  { operation: 'Mutation.createGroupInvitation', allow: communityRoles(P['community.invite']), permission: 'community.invite' },
  { operation: 'Mutation.revokeInvitation', allow: communityRoles(P['community.invite']), permission: 'community.invite' },
  { operation: 'Community.groupInvitations', allow: communityRoles(P['community.invite']), permission: 'community.invite' },
  { operation: 'Mutation.requestMembership', allow: 'authenticated', note: 'a signed-in non-member asks to join; members get CONFLICT' },
  { operation: 'Mutation.approveMembershipRequest', allow: communityRoles(P['community.approveMembers']), permission: 'community.approveMembers' },
  { operation: 'Mutation.declineMembershipRequest', allow: communityRoles(P['community.approveMembers']), permission: 'community.approveMembers' },
  { operation: 'Community.membershipRequests', allow: communityRoles(P['community.approveMembers']), permission: 'community.approveMembers' },
  { operation: 'Mutation.registerAssistedResident', allow: communityRoles(P['resident.assist']), permission: 'resident.assist' },
  { operation: 'Mutation.createCommunity', allow: { scope: 'platform' } },
  {
    operation: 'Community.members',
    allow: communityRoles(P['community.viewMembers']),
    permission: 'community.viewMembers',
    note: 'every role, CITIZEN included, sees the full member list with names: worth a privacy review',
  },
  { operation: 'Mutation.requestPhoneVerification', allow: 'authenticated', note: "the caller's own account; rate-limited per account, number and address" },
  { operation: 'Mutation.confirmPhoneVerification', allow: 'authenticated', note: "the caller's own latest code" },
  { operation: 'Query.myVerifiedPhone', allow: 'authenticated', note: "the caller's own verified phone" },
  { operation: 'Account.profile', allow: { scope: 'own' } },
  { operation: 'Account.memberships', allow: { scope: 'own' } },
];
