import { Indicators, isActiveAccount, scoreOf, scoreParts } from '../domain/indicators';
import { ObservationType } from '../dtos/indicators.types';
import { MunicipalityObservation } from '../entities/municipality-observation.entity';
import { EServiceEnum, ObservationSourceEnum, SocialPlatformEnum, TundukStatusEnum } from '../dtos/indicators.enums';

export function indicatorsOf(o: MunicipalityObservation): Indicators {
  return {
    observedOn: o.observedOn,
    websiteUrl: o.websiteUrl,
    websiteAnswered: o.websiteAnswered,
    socialAccounts: o.socialAccounts ?? [],
    eServices: o.eServices ?? [],
    eServicesOther: o.eServicesOther,
    tunduk: o.tunduk,
    tundukSince: o.tundukSince,
    contactPhone: o.contactPhone,
    contactEmail: o.contactEmail,
    contactAnswered: o.contactAnswered,
    contactCheckedOn: o.contactCheckedOn,
  };
}

/** Row → GraphQL shape, with its score (pure arithmetic, no SQL). */
export function toObservationType(o: MunicipalityObservation): ObservationType {
  const i = indicatorsOf(o);
  const parts = scoreParts(i);
  return {
    id: o.id,
    unitId: o.unitId,
    ...i,
    eServices: i.eServices as EServiceEnum[],
    tunduk: i.tunduk as TundukStatusEnum,
    socialAccounts: i.socialAccounts.map((a) => ({ ...a, platform: a.platform as SocialPlatformEnum, active: isActiveAccount(a, i.observedOn) })),
    source: o.source as ObservationSourceEnum,
    surveyAnswerSetId: o.surveyAnswerSetId,
    score: { total: scoreOf(parts), ...parts },
    recordedAt: o.createdAt,
  };
}
