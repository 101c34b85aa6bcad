import { registerEnumType } from '@nestjs/graphql';

export enum BodyKindEnum { PUBLIC_COUNCIL = 'PUBLIC_COUNCIL', SMALL_PUBLIC_COUNCIL = 'SMALL_PUBLIC_COUNCIL', BUDGET_GROUP = 'BUDGET_GROUP', INITIATIVE_GROUP = 'INITIATIVE_GROUP', WORKING_GROUP = 'WORKING_GROUP', ADVISORY_GROUP = 'ADVISORY_GROUP', CUSTOM = 'CUSTOM' }
export enum StateBodyKindEnum { MINISTRY = 'MINISTRY', AGENCY = 'AGENCY', AKIMAT = 'AKIMAT', AYIL_OKMOTU = 'AYIL_OKMOTU', OTHER = 'OTHER' }
export enum CouncilCountryEnum { KG = 'KG', KZ = 'KZ' }
export enum MemberRoleEnum { CHAIR = 'CHAIR', DEPUTY = 'DEPUTY', SECRETARY = 'SECRETARY', MEMBER = 'MEMBER' }
export enum MajorityKindEnum { SIMPLE = 'SIMPLE', QUALIFIED = 'QUALIFIED' }
export enum MajorityBaseEnum { PRESENT = 'PRESENT', ALL_MEMBERS = 'ALL_MEMBERS' }
export enum TieRuleEnum { FAILS = 'FAILS', CHAIR_DECIDES = 'CHAIR_DECIDES' }
export enum MeetingAccessEnum { OPEN = 'OPEN', CLOSED = 'CLOSED' }
export enum MeetingStatusEnum { SCHEDULED = 'SCHEDULED', HELD = 'HELD' }
export enum MinutesStatusEnum { NONE = 'NONE', DRAFT = 'DRAFT', APPROVED = 'APPROVED' }
export enum AgendaLinkKindEnum { BUDGET_VERSION = 'BUDGET_VERSION', PROPOSAL = 'PROPOSAL', COMPETITION = 'COMPETITION', DOCUMENT = 'DOCUMENT', MINUTES = 'MINUTES', QUESTION = 'QUESTION' }
export enum VoteChoiceEnum { FOR = 'FOR', AGAINST = 'AGAINST', ABSTAIN = 'ABSTAIN', ABSENT = 'ABSENT' }
export enum DecisionOutcomeEnum { ADOPTED = 'ADOPTED', REJECTED = 'REJECTED' }
export enum RecommendationStatusEnum { SENT = 'SENT', OVERDUE = 'OVERDUE', ANSWERED = 'ANSWERED', ACCEPTED = 'ACCEPTED', PARTLY_ACCEPTED = 'PARTLY_ACCEPTED', REJECTED = 'REJECTED', IMPLEMENTED = 'IMPLEMENTED' }
export enum RecommendationAssessmentEnum { ACCEPTED = 'ACCEPTED', PARTLY_ACCEPTED = 'PARTLY_ACCEPTED', REJECTED = 'REJECTED' }
export enum DocumentOwnerKindEnum { MEETING = 'MEETING', AGENDA_ITEM = 'AGENDA_ITEM', RECOMMENDATION = 'RECOMMENDATION', ACTION_ITEM = 'ACTION_ITEM' }

registerEnumType(BodyKindEnum, { name: 'CouncilBodyKind' });
registerEnumType(StateBodyKindEnum, { name: 'StateBodyKind' });
registerEnumType(CouncilCountryEnum, { name: 'CouncilCountry' });
registerEnumType(MemberRoleEnum, { name: 'CouncilMemberRole' });
registerEnumType(MajorityKindEnum, { name: 'CouncilMajorityKind' });
registerEnumType(MajorityBaseEnum, { name: 'CouncilMajorityBase' });
registerEnumType(TieRuleEnum, { name: 'CouncilTieRule' });
registerEnumType(MeetingAccessEnum, { name: 'CouncilMeetingAccess' });
registerEnumType(MeetingStatusEnum, { name: 'CouncilMeetingStatus' });
registerEnumType(MinutesStatusEnum, { name: 'CouncilMinutesStatus' });
registerEnumType(AgendaLinkKindEnum, { name: 'AgendaLinkKind' });
registerEnumType(VoteChoiceEnum, { name: 'CouncilVoteChoice' });
registerEnumType(DecisionOutcomeEnum, { name: 'CouncilDecisionOutcome' });
registerEnumType(RecommendationStatusEnum, { name: 'RecommendationStatus' });
registerEnumType(RecommendationAssessmentEnum, { name: 'RecommendationAssessment' });
registerEnumType(DocumentOwnerKindEnum, { name: 'CouncilDocumentOwnerKind' });

export enum ActionItemStatusEnum { PLANNED = 'PLANNED', IN_PROGRESS = 'IN_PROGRESS', DONE = 'DONE', CANCELLED = 'CANCELLED' }
export enum ApportionmentBasisEnum { POPULATION = 'POPULATION', VOTERS = 'VOTERS', REVENUE = 'REVENUE' }
export enum ApportionmentMethodEnum { DHONDT = 'DHONDT', SAINTE_LAGUE = 'SAINTE_LAGUE', LARGEST_REMAINDER = 'LARGEST_REMAINDER' }
export enum QuestionStatusEnum { OPEN = 'OPEN', ANSWERED = 'ANSWERED', ON_AGENDA = 'ON_AGENDA' }
registerEnumType(ActionItemStatusEnum, { name: 'ActionItemStatus' });
registerEnumType(ApportionmentBasisEnum, { name: 'ApportionmentBasis' });
registerEnumType(ApportionmentMethodEnum, { name: 'ApportionmentMethod' });
registerEnumType(QuestionStatusEnum, { name: 'CouncilQuestionStatus' });
