import { Participation1796500000000 } from './1796500000000-participation.migration';
import { PaperBallots1796500000100 } from './1796500000100-paper-ballots.migration';
import { OutcomeParticipation1796500000200 } from './1796500000200-outcome-participation.migration';
import { ParticipationExtras1796620000000 } from './1796620000000-participation-extras.migration';

/** Participation's schema history; the manifest list orders every context's migrations by timestamp. */
export const PARTICIPATION_MIGRATIONS = [Participation1796500000000, PaperBallots1796500000100, OutcomeParticipation1796500000200, ParticipationExtras1796620000000];
