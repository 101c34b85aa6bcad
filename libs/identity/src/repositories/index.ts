import { AccountsRepository } from './accounts.repository';
import { InvitationsRepository } from './invitations.repository';
import { MembershipRequestsRepository } from './membership-requests.repository';
import { MembershipsRepository } from './memberships.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { ResidentProfilesRepository } from './resident-profiles.repository';
import { SignInUnlocksRepository } from './sign-in-unlocks.repository';
import { PhoneVerificationsRepository } from './phone-verifications.repository';

export const IDENTITY_REPOSITORIES = [AccountsRepository, ResidentProfilesRepository, MembershipsRepository, InvitationsRepository, RefreshTokensRepository, SignInUnlocksRepository, MembershipRequestsRepository, PhoneVerificationsRepository];
