import { SignInUnlocks1796216010732 } from './1796216010732-sign-in-unlocks.migration';
import { GroupInvitationsJoinRequests1796330100000 } from './1796330100000-group-invitations-join-requests.migration';
import { PhoneVerification1796610000000 } from './1796610000000-phone-verification.migration';

/** Identity's schema history after the foundation; the manifest list orders every context's by timestamp. */
export const IDENTITY_MIGRATIONS = [SignInUnlocks1796216010732, GroupInvitationsJoinRequests1796330100000, PhoneVerification1796610000000];
