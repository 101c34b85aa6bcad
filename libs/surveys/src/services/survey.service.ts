import { Actor, PermissionService, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import type { Locale } from '@ashar/i18n';
import { MembershipService } from '@ashar/identity';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { AgeGroup, cellKey, checkForm, Localized, overlappingAgeGroups, parseForm, pick, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '@ashar/survey-forms';
import { CommunityService, TerritorialUnit, TerritoryService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { AgeGroupInput } from '../dtos/age-group.input';
import { AssignInterviewerInput } from '../dtos/assign-interviewer.input';
import { CreateSurveyInput } from '../dtos/create-survey.input';
import { SetSurveyQuotasInput } from '../dtos/set-quotas.input';
import { SurveyGender } from '../dtos/surveys.enums';
import { SurveyAssignmentType, SurveyFormVersionType, SurveyQuotaProgressType, SurveyType, SurveyVillageType } from '../dtos/survey.types';
import { SurveyAssignment } from '../entities/survey-assignment.entity';
import { SurveyFormVersion } from '../entities/survey-form-version.entity';
import { Survey } from '../entities/survey.entity';
import { AnswerSetsRepository } from '../repositories/answer-sets.repository';
import { SurveysRepository } from '../repositories/surveys.repository';
import { SURVEYS_PERMISSIONS as P } from '../surveys.permissions';
import { refuse } from './problems';

const lang = (l: Locale): SurveyLanguage => ((SURVEY_LANGUAGES as readonly string[]).includes(l) ? (l as SurveyLanguage) : 'ky');
const localized = (t: Record<string, string | null | undefined>): Localized => Object.fromEntries(SURVEY_LANGUAGES.flatMap((l) => (t[l]?.trim() ? [[l, t[l]!.trim()]] : []))) as Localized;

/** Surveys as their organisers run them, and the assignments as interviewers' phones download them. */
@Injectable()
export class SurveyService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly answerSets: AnswerSetsRepository,
    private readonly communities: CommunityService,
    private readonly territory: TerritoryService,
    private readonly memberships: MembershipService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async byId(id: string): Promise<Survey> {
    const s = await this.surveys.findById(uuidOrNotFound('Survey', id));
    if (!s) throw new NotFoundError('Survey', id);
    return s;
  }

  /** Organisers only; to anyone else a survey does not exist. */
  async managed(actor: Actor, id: string): Promise<Survey> {
    const s = await this.byId(id);
    this.permissions.requireAccount(actor);
    if (!(await this.permissions.can(actor, s.communityId, 'surveys.manage', P))) throw new NotFoundError('Survey', id);
    return s;
  }

  async ofCommunity(actor: Actor, communityId: string): Promise<Survey[]> {
    const c = await this.communities.byId(communityId);
    await this.permissions.assert(actor, c.id, 'surveys.manage', P);
    return this.surveys.ofCommunity(c.id);
  }

  async create(actor: Actor, input: CreateSurveyInput): Promise<Survey> {
    const c = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, c.id, 'surveys.manage', P);
    const title = localized(input.title as Record<string, string>);
    const consent = localized(input.consent as Record<string, string>);
    if (!Object.keys(title).length) throw new InvalidInputError('input.title', 'errors.validation.required');
    if (!Object.keys(consent).length) throw new InvalidInputError('input.consent', 'errors.surveys.consentTextRequired');
    const ageGroups = checkedAgeGroups(input.ageGroups ?? [], 'input.ageGroups');
    return this.tx.run(async (tx) => {
      const s = await this.surveys.insert(tx, { communityId: c.id, title, consent, suppressionThreshold: input.suppressionThreshold ?? 5, anonymous: input.anonymous ?? true, ageGroups, createdBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'surveys.survey.create', entityType: 'Survey', entityId: s.id, communityId: c.id, after: { title, anonymous: s.anonymous, suppressionThreshold: s.suppressionThreshold, ageGroups } });
      return s;
    });
  }

  /** A new numbered version; earlier ones and the answer sets given on them never change. */
  async publishVersion(actor: Actor, surveyId: string, formValue: unknown): Promise<SurveyFormVersion> {
    const s = await this.managed(actor, surveyId);
    const form = parsedForm(formValue);
    return this.tx.run(async (tx) => {
      await this.surveys.lock(tx, s.id);
      const v = await this.surveys.insertVersion(tx, { surveyId: s.id, form, createdBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'surveys.form.publish', entityType: 'SurveyFormVersion', entityId: v.id, communityId: s.communityId, after: { surveyId: s.id, number: v.number, formId: form.formId, questions: form.questions.length } });
      return v;
    });
  }

  async setQuotas(actor: Actor, input: SetSurveyQuotasInput): Promise<Survey> {
    const s = await this.managed(actor, input.surveyId);
    const ageGroups = input.ageGroups ? checkedAgeGroups(input.ageGroups, 'input.ageGroups') : s.ageGroups;
    const keys = new Set(ageGroups.map((g) => g.key));
    await this.assertVillages(s, input.cells.map((c) => c.villageId), 'input.cells');
    const seen = new Set<string>();
    input.cells.forEach((c, i) => {
      if (!keys.has(c.ageGroup)) throw new InvalidInputError(`input.cells.${i}.ageGroup`, 'errors.surveys.unknownAgeGroup');
      const k = cellKey({ villageKey: c.villageId, gender: c.gender, ageGroup: c.ageGroup });
      if (seen.has(k)) throw new InvalidInputError(`input.cells.${i}`, 'errors.surveys.duplicateCell');
      seen.add(k);
    });
    await this.tx.run(async (tx) => {
      const locked = (await this.surveys.lock(tx, s.id))!;
      const changed = JSON.stringify(locked.ageGroups) !== JSON.stringify(ageGroups);
      if (changed && (await this.answerSets.anyFor(tx, s.id))) throw new ConflictError('errors.surveys.ageGroupsFixed', 'age groups no longer change once answer sets arrived');
      if (changed) await this.surveys.updateAgeGroups(tx, s.id, ageGroups);
      const before = await this.surveys.quotaCells(s.id, tx);
      await this.surveys.replaceQuotaCells(tx, s.id, input.cells.map((c) => ({ villageId: c.villageId, gender: c.gender, ageGroup: c.ageGroup, target: c.target })));
      await this.audit.record(tx, actor.toAudit(), { action: 'surveys.quotas.set', entityType: 'Survey', entityId: s.id, communityId: s.communityId, before: { cells: before.length, ageGroups: locked.ageGroups }, after: { cells: input.cells.length, target: input.cells.reduce((n, c) => n + c.target, 0), ageGroups } });
    });
    return this.byId(s.id);
  }

  async assign(actor: Actor, input: AssignInterviewerInput): Promise<SurveyAssignment> {
    const s = await this.managed(actor, input.surveyId);
    const roles = await this.memberships.rolesOfAccount(uuidOrNotFound('Account', input.accountId));
    if (!roles.some((r) => r.communityId === s.communityId && r.role === Role.INTERVIEWER)) throw new InvalidInputError('input.accountId', 'errors.surveys.notAnInterviewer');
    const villageIds = [...new Set(input.villageIds)];
    await this.assertVillages(s, villageIds, 'input.villageIds');
    return this.tx.run(async (tx) => {
      await this.surveys.lock(tx, s.id);
      const a = await this.surveys.upsertAssignment(tx, { surveyId: s.id, accountId: input.accountId, villageIds, quotaShare: input.quotaShare ?? null, assignedBy: actor.accountId! });
      await this.audit.record(tx, actor.toAudit(), { action: 'surveys.interviewer.assign', entityType: 'SurveyAssignment', entityId: a.id, communityId: s.communityId, after: { surveyId: s.id, accountId: input.accountId, villageIds, quotaShare: a.quotaShare } });
      return a;
    });
  }

  /** Villages of a survey are the community's unit itself or the units directly under it. */
  villagesOf = async (s: Pick<Survey, 'communityId'>, ids: readonly string[]): Promise<TerritorialUnit[]> => {
    const c = await this.communities.byId(s.communityId);
    const units = await this.territory.byIds([...new Set(ids)]);
    return units.filter((u) => u.id === c.unitId || u.parentId === c.unitId);
  };

  private async assertVillages(s: Survey, ids: readonly string[], field: string): Promise<void> {
    const ok = new Set((await this.villagesOf(s, ids)).map((u) => u.id));
    const bad = ids.findIndex((id) => !ok.has(id));
    if (bad >= 0) throw new InvalidInputError(`${field}.${bad}`, 'errors.surveys.unknownVillage');
  }

  // ---- views ------------------------------------------------------------------------------------

  versionView(v: SurveyFormVersion): SurveyFormVersionType {
    return { id: v.id, number: v.number, form: v.form, createdAt: v.createdAt };
  }

  async view(s: Survey, locale: Locale): Promise<SurveyType> {
    const [versions, assignments, progress, answerSets] = await Promise.all([this.surveys.versions(s.id), this.surveys.assignments(s.id), this.progress(s), this.answerSets.countOf(s.id)]);
    const l = lang(locale);
    return {
      id: s.id,
      communityId: s.communityId,
      title: pick(s.title, l),
      titles: s.title,
      consent: pick(s.consent, l),
      consents: s.consent,
      suppressionThreshold: s.suppressionThreshold,
      anonymous: s.anonymous,
      ageGroups: s.ageGroups,
      versions: versions.map((v) => this.versionView(v)),
      quotaProgress: progress,
      assignments: await this.assignmentViews(assignments, locale, [s]),
      answerSets,
    };
  }

  /** Per quota cell: target, counted, kept over quota. */
  async progress(s: Survey): Promise<SurveyQuotaProgressType[]> {
    const [cells, counts] = await Promise.all([this.surveys.quotaCells(s.id), this.answerSets.cellCounts(s.id)]);
    const byKey = new Map(counts.map((c) => [cellKey({ villageKey: c.villageId, gender: c.gender, ageGroup: c.ageGroup }), c]));
    return cells.map((c) => {
      const n = byKey.get(cellKey({ villageKey: c.villageId, gender: c.gender, ageGroup: c.ageGroup }));
      return { villageId: c.villageId, gender: c.gender as SurveyGender, ageGroup: c.ageGroup, target: c.target, accepted: n?.accepted ?? 0, overQuota: n?.overQuota ?? 0 };
    });
  }

  /** The caller's assignments, where they still hold INTERVIEWER (a withdrawn role hides them). */
  async mine(actor: Actor, locale: Locale): Promise<SurveyAssignmentType[]> {
    const accountId = this.permissions.requireAccount(actor);
    const all = await this.surveys.assignmentsOfAccount(accountId);
    const surveys = await this.surveys.byIds([...new Set(all.map((a) => a.surveyId))]);
    const allowed: Survey[] = [];
    for (const s of surveys) if (await this.permissions.can(actor, s.communityId, 'surveys.interview', P)) allowed.push(s);
    const ids = new Set(allowed.map((s) => s.id));
    return this.assignmentViews(all.filter((a) => ids.has(a.surveyId)), locale, allowed);
  }

  private async assignmentViews(list: SurveyAssignment[], locale: Locale, surveys: Survey[]): Promise<SurveyAssignmentType[]> {
    const l = lang(locale);
    const byId = new Map(surveys.map((s) => [s.id, s]));
    const latest = await this.surveys.latestVersions([...byId.keys()]);
    const units = new Map((await this.territory.byIds([...new Set(list.flatMap((a) => a.villageIds))])).map((u) => [u.id, u]));
    const cellsOf = new Map<string, Awaited<ReturnType<SurveyService['progress']>>>();
    for (const s of surveys) cellsOf.set(s.id, await this.progress(s));
    return list.map((a) => {
      const s = byId.get(a.surveyId)!;
      const v = latest.get(s.id);
      const villages = new Set(a.villageIds);
      const share = a.quotaShare;
      return {
        id: a.id,
        accountId: a.accountId,
        survey: { id: s.id, title: pick(s.title, l), consent: pick(s.consent, l), titles: s.title, consents: s.consent, anonymous: s.anonymous },
        formVersion: v ? this.versionView(v) : null,
        ageGroups: s.ageGroups,
        villages: a.villageIds.flatMap((id): SurveyVillageType[] => {
          const u = units.get(id);
          return u ? [{ id: u.id, name: pick(u.names as Localized, l), names: u.names }] : [];
        }),
        quotaCells: (cellsOf.get(s.id) ?? [])
          .filter((c) => villages.has(c.villageId))
          .map((c) => ({ villageId: c.villageId, gender: c.gender, ageGroup: c.ageGroup, target: share ? Math.ceil((c.target * share) / 100) : c.target, accepted: c.accepted })),
        quotaShare: share,
      };
    });
  }
}

function checkedAgeGroups(groups: AgeGroupInput[], field: string): AgeGroup[] {
  const out = groups.map((g) => ({ key: g.key, min: g.min, max: g.max }));
  if (new Set(out.map((g) => g.key)).size !== out.length) throw new InvalidInputError(field, 'errors.surveys.duplicateAgeGroup');
  if (overlappingAgeGroups(out)) throw new InvalidInputError(field, 'errors.surveys.overlappingAgeGroups');
  return out;
}

/** A form as JSON (an object, or its JSON text), shape-checked by parseForm and judged by checkForm. */
function parsedForm(value: unknown): SurveyForm {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  const r = parseForm(text);
  if (!r.ok) refuse(r.problems.map((p) => ({ ...p, path: p.path.startsWith('form') ? p.path : `form.${p.path}` })));
  const again = checkForm(r.form);
  if (again.length) refuse(again);
  return r.form;
}
