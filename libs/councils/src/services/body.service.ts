import { AuditService } from '@ashar/audit';
import { Actor, PermissionService } from '@ashar/auth';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { AccountService } from '@ashar/identity';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { COUNCILS_PERMISSIONS } from '../councils.permissions';
import { isValidFraction } from '../domain/decision-rule';
import { isCurrentOn, overlaps } from '../domain/membership';
import { AddCouncilMemberInput } from '../dtos/add-council-member.input';
import { BodyRulesInput } from '../dtos/body-rules.input';
import { CouncilDirectoryInput } from '../dtos/council-directory.input';
import { CreateCouncilBodyInput } from '../dtos/create-council-body.input';
import { CreateStateBodyInput } from '../dtos/create-state-body.input';
import { EndCouncilMembershipInput } from '../dtos/end-council-membership.input';
import { MyCouncilContactsInput } from '../dtos/my-council-contacts.input';
import { CouncilBody } from '../entities/council-body.entity';
import { CouncilMembership } from '../entities/council-membership.entity';
import { CouncilPerson } from '../entities/council-person.entity';
import { StateBody } from '../entities/state-body.entity';
import { BodiesRepository } from '../repositories/bodies.repository';
import { BodyAccess, today } from './body-access';

export interface MemberView {
  id: string;
  personId: string;
  fullName: string;
  role: CouncilMembership['role'];
  termFrom: string;
  termTo: string | null;
  endReason: string | null;
  current: boolean;
  hasAccount: boolean;
  email: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function names(n: Record<string, string | null | undefined>, field: string): Record<string, string> {
  const out = Object.fromEntries(Object.entries(n).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()]));
  if (!Object.keys(out).length) throw new InvalidInputError(field, 'errors.validation.nameRequired');
  return out;
}

/** `at`: the argument path of the rules (`input.rules` on create, `rules` on update). */
function checkedRules(r: BodyRulesInput, at: string) {
  if (!isValidFraction(r.quorum)) throw new InvalidInputError(`${at}.quorum`, 'errors.councils.fraction');
  const qualified = r.qualified ?? { numerator: 2, denominator: 3 };
  if (!isValidFraction(qualified)) throw new InvalidInputError(`${at}.qualified`, 'errors.councils.fraction');
  // A "qualified" majority of half or less would adopt two opposite motions.
  if (r.majority === 'QUALIFIED' && qualified.numerator * 2 <= qualified.denominator) throw new InvalidInputError(`${at}.qualified`, 'errors.councils.qualifiedAboveHalf');
  return {
    quorumNumerator: r.quorum.numerator,
    quorumDenominator: r.quorum.denominator,
    majority: r.majority,
    qualifiedNumerator: qualified.numerator,
    qualifiedDenominator: qualified.denominator,
    majorityBase: r.base,
    tieRule: r.tie,
  };
}

/** Bodies, the state bodies they serve, and their members' terms. */
@Injectable()
export class BodyService {
  constructor(
    private readonly bodies: BodiesRepository,
    private readonly access: BodyAccess,
    private readonly communities: CommunityService,
    private readonly accounts: AccountService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async byId(id: string): Promise<CouncilBody> {
    const b = await this.bodies.body(uuidOrNotFound('CouncilBody', id));
    if (!b) throw new NotFoundError('CouncilBody', id);
    return b;
  }

  async stateBody(id: string): Promise<StateBody> {
    const s = await this.bodies.stateBody(uuidOrNotFound('StateBody', id));
    if (!s) throw new NotFoundError('StateBody', id);
    return s;
  }

  stateBodies(country: string | null): Promise<StateBody[]> {
    return this.bodies.stateBodies(country);
  }

  directory(f: CouncilDirectoryInput | null | undefined): Promise<CouncilBody[]> {
    return this.bodies.directory(f ?? {});
  }

  async createStateBody(actor: Actor, input: CreateStateBodyInput): Promise<StateBody> {
    this.permissions.assertPlatformAdmin(actor);
    const name = names(input.name as Record<string, string>, 'input.name');
    return this.tx.run(async (tx) => {
      const s = await this.bodies.insertStateBody(tx, { kind: input.kind, name, country: input.country, regionCode: input.regionCode ?? null, website: input.website ?? null });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.stateBody.create', entityType: 'StateBody', entityId: s.id, after: { kind: s.kind, name } });
      return s;
    });
  }

  /** A community's admin for a community body; platform admins for a state body's council. */
  async create(actor: Actor, input: CreateCouncilBodyInput): Promise<CouncilBody> {
    if (!actor.accountId) throw new UnauthenticatedError();
    if (!!input.communityId === !!input.stateBodyId) throw new InvalidInputError('input.communityId', 'errors.councils.attachOne');
    let country: string;
    let regionCode: string | null;
    if (input.communityId) {
      const community = await this.communities.byId(input.communityId);
      await this.permissions.assert(actor, community.id, 'councils.manageBodies', COUNCILS_PERMISSIONS);
      const place = (await this.communities.placesOf([community.id])).get(community.id);
      country = place?.country ?? 'KG';
      regionCode = place?.unitCode ?? null;
    } else {
      const sb = await this.stateBody(input.stateBodyId!);
      this.permissions.assertPlatformAdmin(actor);
      country = sb.country;
      regionCode = sb.regionCode;
    }
    if ((input.kind === 'CUSTOM') !== !!input.customLabel) throw new InvalidInputError('input.customLabel', 'errors.councils.customLabel');
    const name = names(input.name as Record<string, string>, 'input.name');
    const rules = checkedRules(input.rules, 'input.rules');
    return this.tx.run(async (tx) => {
      const body = await this.bodies.insertBody(tx, {
        kind: input.kind,
        customLabel: input.kind === 'CUSTOM' ? input.customLabel! : null,
        name,
        mandate: input.mandate ?? '',
        communityId: input.communityId ?? null,
        stateBodyId: input.stateBodyId ?? null,
        country,
        regionCode,
        ...rules,
        createdBy: actor.accountId!,
      });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.body.create', entityType: 'CouncilBody', entityId: body.id, communityId: body.communityId ?? undefined, after: { kind: body.kind, name, rules } });
      return body;
    });
  }

  async updateRules(actor: Actor, bodyId: string, input: BodyRulesInput): Promise<CouncilBody> {
    const body = await this.byId(bodyId);
    await this.access.assertManageMembers(actor, body);
    const rules = checkedRules(input, 'rules');
    await this.tx.run(async (tx) => {
      await this.bodies.lockBody(tx, body.id);
      await this.bodies.updateBody(tx, body.id, rules);
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.body.rules', entityType: 'CouncilBody', entityId: body.id, communityId: body.communityId ?? undefined, after: rules });
    });
    return this.byId(body.id);
  }

  /** Current members, or the whole history with `includePast`. Contacts only where published. */
  async members(bodyId: string, includePast: boolean, date = today()): Promise<MemberView[]> {
    const terms = await this.bodies.memberships(bodyId);
    const persons = new Map((await this.bodies.persons([...new Set(terms.map((t) => t.personId))])).map((p) => [p.id, p]));
    return terms
      .map((t) => view(t, persons.get(t.personId)!, date))
      .filter((v) => includePast || v.current);
  }

  async addMember(actor: Actor, input: AddCouncilMemberInput): Promise<MemberView> {
    const body = await this.byId(input.bodyId);
    await this.access.assertManageMembers(actor, body);
    if (!input.accountId && !input.fullName) throw new InvalidInputError('input.fullName', 'errors.validation.required');
    if (input.termTo && input.termTo < input.termFrom) throw new InvalidInputError('input.termTo', 'errors.councils.termEndsBeforeStart');
    // An account member must exist; without a typed name the account's display name is shown.
    const account = input.accountId ? (await this.accounts.byIds([input.accountId]))[0] : null;
    if (input.accountId && !account) throw new InvalidInputError('input.accountId', 'errors.councils.unknownAccount');
    const term = { termFrom: input.termFrom, termTo: input.termTo ?? null };
    return this.tx.run(async (tx) => {
      await this.bodies.lockBody(tx, body.id);
      let person: CouncilPerson | null = input.accountId ? await this.bodies.personOfAccount(input.accountId, tx) : null;
      if (account && !person) {
        person = await this.bodies.insertPerson(tx, { accountId: account.id, fullName: input.fullName ?? account.displayName, contactsPublic: false });
      } else if (!person) {
        person = await this.bodies.insertPerson(tx, { fullName: input.fullName!, email: input.email ?? null, phone: input.phone ?? null, contactsPublic: !!input.contactsPublic });
      }
      const existing = (await this.bodies.memberships(body.id, tx)).filter((m) => m.personId === person!.id);
      if (existing.some((m) => overlaps(m, term))) throw new ConflictError('errors.councils.termOverlaps', 'the person already sits on the body in that period');
      const m = await this.bodies.insertMembership(tx, { bodyId: body.id, personId: person.id, role: input.role, ...term });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.member.add', entityType: 'CouncilMembership', entityId: m.id, communityId: body.communityId ?? undefined, after: { bodyId: body.id, personId: person.id, role: m.role, ...term } });
      return view(m, person, today());
    });
  }

  async endMembership(actor: Actor, input: EndCouncilMembershipInput): Promise<MemberView> {
    const m = await this.bodies.membership(uuidOrNotFound('CouncilMembership', input.membershipId));
    if (!m) throw new NotFoundError('CouncilMembership', input.membershipId);
    const body = await this.byId(m.bodyId);
    await this.access.assertManageMembers(actor, body);
    if (input.termTo < m.termFrom) throw new InvalidInputError('input.termTo', 'errors.councils.termEndsBeforeStart');
    if (m.termTo && m.termTo < input.termTo) throw new ConflictError('errors.councils.termAlreadyEnded', 'the term has already ended');
    return this.tx.run(async (tx) => {
      await this.bodies.lockBody(tx, body.id);
      await this.bodies.updateMembership(tx, m.id, { termTo: input.termTo, endReason: input.reason ?? null });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.member.end', entityType: 'CouncilMembership', entityId: m.id, communityId: body.communityId ?? undefined, before: { termTo: m.termTo }, after: { termTo: input.termTo, reason: input.reason ?? null } });
      const after = (await this.bodies.membership(m.id, tx))!;
      return view(after, (await this.bodies.person(m.personId, tx))!, today());
    });
  }

  /** The signed-in member's own choice of published contacts (on every body they sit on). */
  async setMyContacts(actor: Actor, input: MyCouncilContactsInput): Promise<boolean> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const person = await this.bodies.personOfAccount(actor.accountId);
    // An account that sits on no body has nothing to publish: nothing is stored.
    if (!person) return false;
    await this.tx.run(async (tx) => {
      await this.bodies.updatePerson(tx, person.id, { email: input.email ?? null, phone: input.phone ?? null, contactsPublic: input.publish });
      await this.audit.record(tx, actor.toAudit(), { action: 'councils.person.contacts', entityType: 'CouncilPerson', entityId: person.id, after: { publish: input.publish } });
    });
    return input.publish;
  }
}

function view(t: CouncilMembership, p: CouncilPerson, date: string): MemberView {
  return {
    id: t.id,
    personId: p.id,
    fullName: p.fullName,
    role: t.role,
    termFrom: t.termFrom,
    termTo: t.termTo,
    endReason: t.endReason,
    current: isCurrentOn(t, date),
    hasAccount: !!p.accountId,
    email: p.contactsPublic ? p.email : null,
    phone: p.contactsPublic ? p.phone : null,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}
