import { TerritorialUnitType } from '@ashar/territory';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { EServiceEnum, ObservationSourceEnum, SocialPlatformEnum, TundukStatusEnum } from './indicators.enums';

@ObjectType('SocialAccount')
export class SocialAccountType {
  @Field(() => SocialPlatformEnum) platform: SocialPlatformEnum;
  @Field() url: string;
  @Field(() => String, { nullable: true }) lastPostOn: string | null;
  @Field(() => Int, { nullable: true }) postsLast30Days: number | null;
  @Field({ description: 'A post in the 30 days before the observation, or a positive count of posts in them' }) active: boolean;
}

@ObjectType('MunicipalityScore', { description: 'One point per e-service, plus one each for website, Tunduk, active social account, contact that answers' })
export class ScoreType {
  @Field(() => Int) total: number;
  @Field(() => Int) eServices: number;
  @Field() website: boolean;
  @Field() tunduk: boolean;
  @Field() activeSocial: boolean;
  @Field() contactAnswers: boolean;
}

@ObjectType('MunicipalityObservation')
export class ObservationType {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field() observedOn: string;
  @Field(() => String, { nullable: true }) websiteUrl: string | null;
  @Field(() => Boolean, { nullable: true }) websiteAnswered: boolean | null;
  @Field(() => [SocialAccountType]) socialAccounts: SocialAccountType[];
  @Field(() => [EServiceEnum]) eServices: EServiceEnum[];
  @Field(() => String, { nullable: true }) eServicesOther: string | null;
  @Field(() => TundukStatusEnum) tunduk: TundukStatusEnum;
  @Field(() => String, { nullable: true }) tundukSince: string | null;
  @Field(() => String, { nullable: true, description: 'The public contact of a public body (published data)' }) contactPhone: string | null;
  @Field(() => String, { nullable: true }) contactEmail: string | null;
  @Field(() => Boolean, { nullable: true }) contactAnswered: boolean | null;
  @Field(() => String, { nullable: true }) contactCheckedOn: string | null;
  @Field(() => ObservationSourceEnum) source: ObservationSourceEnum;
  @Field(() => String, { nullable: true }) surveyAnswerSetId: string | null;
  @Field(() => ScoreType) score: ScoreType;
  @Field() recordedAt: Date;
}

@ObjectType('MunicipalityIndicators')
export class MunicipalityIndicatorsType {
  @Field(() => TerritorialUnitType) unit: TerritorialUnitType;
  @Field(() => ObservationType, { nullable: true, description: 'The latest observation (by date, then by time recorded)' }) current: ObservationType | null;
  @Field(() => [ObservationType], { description: 'Every observation, newest first (at most 200)' }) history: ObservationType[];
  @Field({ description: 'Whether the caller may record an observation of this unit' }) canRecord: boolean;
  @Field(() => Int) maxScore: number;
}

@ObjectType('MunicipalityComparisonRow')
export class ComparisonRowType {
  @Field(() => TerritorialUnitType) unit: TerritorialUnitType;
  @Field(() => ObservationType, { nullable: true }) current: ObservationType | null;
  @Field(() => Int, { nullable: true, description: 'null when never observed' }) score: number | null;
}

@ObjectType('MunicipalityAreaTotals')
export class AreaTotalsType {
  @Field(() => Int) municipalities: number;
  @Field(() => Int) observed: number;
  @Field(() => Int) withWebsite: number;
  @Field(() => Int) withTunduk: number;
  @Field(() => Int) withActiveSocial: number;
  @Field(() => Int) withContactAnswering: number;
  @Field(() => Int) eServicesOffered: number;
  @Field(() => Float, { description: 'Shares over the observed municipalities, 0..1' }) websiteShare: number;
  @Field(() => Float) tundukShare: number;
  @Field(() => Float) activeSocialShare: number;
  @Field(() => Float) contactShare: number;
  @Field(() => Float) averageEServices: number;
  @Field(() => Float) averageScore: number;
}

@ObjectType('MunicipalityComparison')
export class ComparisonType {
  @Field(() => TerritorialUnitType) area: TerritorialUnitType;
  @Field(() => Int) maxScore: number;
  @Field(() => [ComparisonRowType], { description: 'Highest score first; never-observed municipalities last, by Russian name' }) rows: ComparisonRowType[];
  @Field(() => AreaTotalsType) totals: AreaTotalsType;
}
