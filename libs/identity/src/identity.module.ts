import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsCoreModule } from '@ashar/notifications';
import { TerritoryModule } from '@ashar/territory';
import { Account } from './entities/account.entity';
import { AccountsRepository } from './repositories/accounts.repository';
import { AccountLocaleReader } from './services/account-locale-reader';
import { InvitationUse } from './entities/invitation-use.entity';
import { Invitation } from './entities/invitation.entity';
import { MembershipRequest } from './entities/membership-request.entity';
import { Membership } from './entities/membership.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { ResidentProfile } from './entities/resident-profile.entity';
import { SignInUnlock } from './entities/sign-in-unlock.entity';
import { PhoneVerificationCode } from './entities/phone-verification-code.entity';
import { VerifiedPhone } from './entities/verified-phone.entity';
import { PhoneVerificationResolver } from './resolvers/phone-verification.resolver';
import { PhoneVerificationService } from './services/phone-verification.service';
import { IDENTITY_REPOSITORIES } from './repositories';
import { AccountResolver, ResidentProfileResolver } from './resolvers/account.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { CommunityMembershipResolver, InvitationPreviewResolver, MembershipRequestResolver, MembershipResolver } from './resolvers/membership.resolver';
import { AccountService } from './services/account.service';
import { AssistedParticipationService } from './services/assisted-participation.service';
import { CommunityAdminService } from './services/community-admin.service';
import { InvitationService } from './services/invitation.service';
import { MembershipService } from './services/membership.service';
import { MembershipRequestService } from './services/membership-request.service';
import { PasswordHasher } from './services/password-hasher';
import { SessionService } from './services/session.service';
import { SignInThrottleService } from './services/sign-in-throttle.service';
import { ResidentProfileReader } from './services/resident-profile-reader';
import { ResidentProfilesRepository } from './repositories/resident-profiles.repository';

export const IDENTITY_ENTITIES = [Account, ResidentProfile, RefreshToken, Membership, Invitation, SignInUnlock, InvitationUse, MembershipRequest, PhoneVerificationCode, VerifiedPhone];

const services = [
  PasswordHasher,
  SessionService,
  SignInThrottleService,
  AccountService,
  MembershipService,
  MembershipRequestService,
  InvitationService,
  CommunityAdminService,
  AssistedParticipationService,
  PhoneVerificationService,
];

/** Accounts, sessions, roles per community, invitations, assisted participation (API side). */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), TerritoryModule, NotificationsCoreModule],
  providers: [...IDENTITY_REPOSITORIES, ...services, AuthResolver, AccountResolver, ResidentProfileResolver, MembershipResolver, CommunityMembershipResolver, MembershipRequestResolver, InvitationPreviewResolver, PhoneVerificationResolver],
  exports: services,
})
export class IdentityModule {}

/** What the worker side of other contexts reads from identity: residents' profiles for statistics. */
@Module({
  imports: [TypeOrmModule.forFeature([ResidentProfile, Account])],
  providers: [ResidentProfilesRepository, ResidentProfileReader, AccountsRepository, AccountLocaleReader],
  exports: [ResidentProfileReader, AccountLocaleReader],
})
export class IdentityReadModule {}
