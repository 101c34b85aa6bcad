import { AuditService } from '@ashar/audit';
import { Actor, PermissionService } from '@ashar/auth';
import { pgConstraint, pgErrorCode, PG_UNIQUE_VIOLATION, TransactionRunner } from '@ashar/database';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { CommunityService, TerritorialUnit, TerritoryService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { areaTotals, AreaTotals, Indicators, isComparisonArea, isMunicipality, MAX_SCORE, scoreOf, scoreParts, todayInBishkek } from '../domain/indicators';
import { ComparisonType, MunicipalityIndicatorsType, ObservationType } from '../dtos/indicators.types';
import { ObservationSourceEnum } from '../dtos/indicators.enums';
import { RecordMunicipalityObservationInput } from '../dtos/record-observation.input';
import { MunicipalityObservation } from '../entities/municipality-observation.entity';
import { MUNICIPAL_INDICATORS_PERMISSIONS } from '../municipal-indicators.permissions';
import { ObservationsRepository } from '../repositories/observations.repository';
import { indicatorsOf, toObservationType } from './observation.mapper';

export interface ComparisonData {
  area: TerritorialUnit;
  rows: Array<{ unit: TerritorialUnit; current: MunicipalityObservation | null; score: number | null }>;
  totals: AreaTotals;
}

const byRussianName = (a: TerritorialUnit, b: TerritorialUnit) => (a.names.ru ?? '').localeCompare(b.names.ru ?? '', 'ru') || a.code.localeCompare(b.code);

/**
 * Municipality indicators: recording immutable dated observations of an aiyl okrug or a city, its
 * history, and the comparison across a raion or an oblast (current values, score, totals). Reads are
 * public (published data about public bodies); recording is for the unit's communities.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly observations: ObservationsRepository,
    private readonly territory: TerritoryService,
    private readonly communities: CommunityService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  private async unit(id: string, what = 'TerritorialUnit'): Promise<TerritorialUnit> {
    const [unit] = await this.territory.byIds([uuidOrNotFound(what, id)]);
    if (!unit) throw new NotFoundError(what, id);
    return unit;
  }

  /** The communities on the unit in which the actor may record (platform admins: any; empty list = may not). */
  private async recordingCommunities(actor: Actor, unitId: string): Promise<{ allowed: boolean; communityId?: string }> {
    if (!actor.accountId) return { allowed: false };
    // The unit's own communities first, then those of the raion and oblast above it: a raion that surveys its
    // aiyl okrugs records for them.
    const above = (await this.territory.ancestorsOf([unitId])).get(unitId) ?? [];
    const units = [unitId, ...above.map((u) => u.id).filter((id) => id !== unitId)];
    const found = await this.communities.byUnitIds(units);
    const communities = units.flatMap((u) => found.filter((c) => c.unitId === u));
    for (const c of communities) if (await this.permissions.can(actor, c.id, 'municipalIndicators.record', MUNICIPAL_INDICATORS_PERMISSIONS)) return { allowed: true, communityId: c.id };
    return { allowed: actor.platformAdmin, communityId: communities[0]?.id };
  }

  /** The observation an answer set was recorded as, if any (a survey's import asks before recording). */
  observationOfAnswerSet(answerSetId: string) {
    return this.observations.byAnswerSet(undefined, answerSetId);
  }

  async record(actor: Actor, input: RecordMunicipalityObservationInput): Promise<ObservationType> {
    this.permissions.requireAccount(actor);
    const unit = await this.unit(input.unitId);
    const access = await this.recordingCommunities(actor, unit.id);
    if (!access.allowed) throw new ForbiddenError('municipalIndicators.record');
    if (!isMunicipality(unit.level, unit.kind) || unit.validTo) throw new InvalidInputError('input.unitId', 'errors.municipal.notMunicipality');
    const values = checkObservation(input);
    const answerSetId = input.source === ObservationSourceEnum.SURVEY ? input.surveyAnswerSetId! : null;
    const row = await this.tx
      .run(async (tx) => {
        if (answerSetId) {
          const seen = await this.observations.byAnswerSet(tx, answerSetId);
          // A retry of the same answer set is answered with what was stored; other content under its id is a conflict.
          if (seen) {
            if (seen.unitId === unit.id && sameIndicators(indicatorsOf(seen), values)) return seen;
            throw new ConflictError('errors.municipal.answerSetRecorded', 'this answer set is already recorded with other content');
          }
        }
        const saved = await this.observations.insert(tx, { unitId: unit.id, ...values, source: input.source, surveyAnswerSetId: answerSetId, recordedBy: actor.accountId! });
        await this.audit.record(tx, actor.toAudit(), { action: 'municipalIndicators.observation.record', entityType: 'MunicipalityObservation', entityId: saved.id, communityId: access.communityId, after: { unitId: unit.id, observedOn: values.observedOn, source: input.source, surveyAnswerSetId: answerSetId } });
        return saved;
      })
      .catch((e) => {
        if (pgErrorCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_municipality_observations_answer_set') throw new ConflictError('errors.municipal.answerSetRecorded', 'this answer set is already recorded');
        throw e;
      });
    return toObservationType(row);
  }

  async indicators(actor: Actor, unitId: string): Promise<MunicipalityIndicatorsType> {
    const unit = await this.unit(unitId);
    if (!isMunicipality(unit.level, unit.kind)) throw new NotFoundError('Municipality', unitId);
    const history = (await this.observations.historyOf(unit.id)).map(toObservationType);
    return { unit, maxScore: MAX_SCORE, current: history[0] ?? null, history, canRecord: (await this.recordingCommunities(actor, unit.id)).allowed };
  }

  /**
   * Every current municipality of a raion or an oblast with its current observation and score: the
   * units in at most two statements (children, then grandchildren for an oblast), the observations in one.
   */
  async comparisonData(areaUnitId: string): Promise<ComparisonData> {
    const area = await this.unit(areaUnitId, 'Area');
    if (!isComparisonArea(area.level, area.kind)) throw new NotFoundError('Area', areaUnitId);
    const municipalities: TerritorialUnit[] = [];
    let frontier = [area.id];
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const children = await this.territory.childrenOf(frontier);
      municipalities.push(...children.filter((u) => isMunicipality(u.level, u.kind)));
      // Go down through raions only: an aiyl okrug's villages and a city's districts are not municipalities.
      frontier = children.filter((u) => isComparisonArea(u.level, u.kind)).map((u) => u.id);
    }
    const current = new Map((await this.observations.currentOf(municipalities.map((u) => u.id))).map((o) => [o.unitId, o]));
    const rows = municipalities.map((unit) => {
      const o = current.get(unit.id) ?? null;
      const parts = o ? scoreParts(indicatorsOf(o)) : null;
      return { unit, current: o, parts, score: parts ? scoreOf(parts) : null };
    });
    rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || byRussianName(a.unit, b.unit));
    return { area, rows: rows.map(({ unit, current: c, score }) => ({ unit, current: c, score })), totals: areaTotals(rows.map((r) => r.parts)) };
  }

  async comparison(areaUnitId: string): Promise<ComparisonType> {
    const d = await this.comparisonData(areaUnitId);
    return { area: d.area, maxScore: MAX_SCORE, rows: d.rows.map((r) => ({ unit: r.unit, score: r.score, current: r.current ? toObservationType(r.current) : null })), totals: d.totals };
  }
}

const canonical = (i: Indicators) => JSON.stringify({ ...i, eServices: [...i.eServices].sort(), socialAccounts: i.socialAccounts.map((a) => ({ platform: a.platform, url: a.url, lastPostOn: a.lastPostOn ?? null, postsLast30Days: a.postsLast30Days ?? null })) });
function sameIndicators(a: Indicators, b: Indicators): boolean {
  return canonical(a) === canonical(b);
}

/** The rules across fields (each field's own shape is checked by the input class); the database checks them again. */
export function checkObservation(input: RecordMunicipalityObservationInput, today = todayInBishkek()): Indicators {
  const after = (value: string | null | undefined, field: string) => {
    if (value && value > input.observedOn) throw new InvalidInputError(field, 'errors.municipal.afterObservation');
  };
  if (input.observedOn > today) throw new InvalidInputError('input.observedOn', 'errors.municipal.futureDate');
  if (input.observedOn < '2000-01-01') throw new InvalidInputError('input.observedOn', 'errors.municipal.tooOld');
  const websiteUrl = input.websiteUrl || null;
  if (input.websiteAnswered != null && !websiteUrl) throw new InvalidInputError('input.websiteAnswered', 'errors.municipal.answeredWithoutWebsite');
  const eServices = [...new Set(input.eServices ?? [])];
  const eServicesOther = input.eServicesOther || null;
  if (eServicesOther && !eServices.includes('OTHER' as never)) throw new InvalidInputError('input.eServicesOther', 'errors.municipal.otherWithoutOther');
  if (input.tundukSince && input.tunduk === 'NO') throw new InvalidInputError('input.tundukSince', 'errors.municipal.tundukSinceWithoutConnection');
  after(input.tundukSince, 'input.tundukSince');
  const socialAccounts = (input.socialAccounts ?? []).map((a, i) => {
    after(a.lastPostOn, `input.socialAccounts.${i}.lastPostOn`);
    return { platform: a.platform, url: a.url, lastPostOn: a.lastPostOn ?? null, postsLast30Days: a.postsLast30Days ?? null };
  });
  const contactPhone = input.contactPhone || null;
  const contactEmail = input.contactEmail ? input.contactEmail.toLowerCase() : null;
  if ((input.contactAnswered != null || input.contactCheckedOn) && !contactPhone && !contactEmail) throw new InvalidInputError('input.contactAnswered', 'errors.municipal.noContact');
  after(input.contactCheckedOn, 'input.contactCheckedOn');
  if (input.source === ObservationSourceEnum.MANUAL && input.surveyAnswerSetId) throw new InvalidInputError('input.surveyAnswerSetId', 'errors.municipal.answerSetOnlyForSurvey');
  return {
    observedOn: input.observedOn,
    websiteUrl,
    websiteAnswered: websiteUrl ? (input.websiteAnswered ?? null) : null,
    socialAccounts: socialAccounts as Indicators['socialAccounts'],
    eServices: eServices as Indicators['eServices'],
    eServicesOther,
    tunduk: input.tunduk as Indicators['tunduk'],
    tundukSince: input.tundukSince ?? null,
    contactPhone,
    contactEmail,
    contactAnswered: input.contactAnswered ?? null,
    contactCheckedOn: input.contactCheckedOn ?? null,
  };
}
