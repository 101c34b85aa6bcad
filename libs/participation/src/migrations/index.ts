import { Participation1796500000000 } from './1796500000000-participation.migration';
import { PaperBallots1796500000100 } from './1796500000100-paper-ballots.migration';
import { OutcomeParticipation1796500000200 } from './1796500000200-outcome-participation.migration';
import { InPersonVerification1796610500000 } from './1796610500000-in-person-verification.migration';
import { ParticipationExtras1796620000000 } from './1796620000000-participation-extras.migration';
import { PhaseSchedule1796650000000 } from './1796650000000-phase-schedule.migration';
import { SmsChannel1796705300000 } from './1796705300000-sms-channel.migration';
import { MessageUpdates1796705300100 } from './1796705300100-message-updates.migration';
import { Announcements1796940000000 } from './1796940000000-announcements.migration';

/** Participation's schema history; the manifest list orders every context's migrations by timestamp. */
export const PARTICIPATION_MIGRATIONS = [Participation1796500000000, PaperBallots1796500000100, OutcomeParticipation1796500000200, InPersonVerification1796610500000, ParticipationExtras1796620000000, PhaseSchedule1796650000000, SmsChannel1796705300000, MessageUpdates1796705300100, Announcements1796940000000];
