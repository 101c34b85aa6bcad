import { Injectable } from '@nestjs/common';
import { Transaction } from '@ashar/database';
import { InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import type { LocalizedText } from '@ashar/i18n';
import { communitySlugBase, SLUG_PATTERN, uniqueSlug } from '../domain/slug';
import { CommunityKind } from '../domain/unit-level';
import { Community } from '../entities/community.entity';
import { CommunitiesRepository, CommunityPlace } from '../repositories/communities.repository';

export type { CommunityPlace };

@Injectable()
export class CommunityService {
  /**
   * Community → country of its unit. Both never change (a community stays on the unit it was made for,
   * a reform gives units successors in the same country), so the answer is kept for the process:
   * budgets ask for it on every page.
   */
  private readonly countries = new Map<string, string>();

  constructor(private readonly repo: CommunitiesRepository) {}

  async byId(id: string): Promise<Community> {
    const c = await this.repo.findById(uuidOrNotFound('Community', id));
    if (!c) throw new NotFoundError('Community', id);
    return c;
  }

  /** The community a short address names; NOT_FOUND for a malformed or unknown slug. */
  async bySlug(slug: string): Promise<Community> {
    const s = slug.trim().toLowerCase();
    const c = SLUG_PATTERN.test(s) && s.length <= 64 ? await this.repo.findBySlug(s) : null;
    if (!c) throw new NotFoundError('Community', slug);
    return c;
  }

  byIds(ids: readonly string[]): Promise<Community[]> {
    return this.repo.byIds(ids);
  }

  byUnitIds(unitIds: readonly string[]): Promise<Community[]> {
    return this.repo.byUnitIds(unitIds);
  }

  /** The oldest community of this kind on a unit, if any. */
  firstOfUnit(unitId: string, kind: CommunityKind, tx?: Transaction): Promise<Community | null> {
    return this.repo.firstOfUnit(tx, unitId, kind);
  }

  /** Where each community is (unit, country, code, names, population, parent): one statement for all. */
  async placesOf(communityIds: readonly string[]): Promise<Map<string, CommunityPlace>> {
    const ids = [...new Set(communityIds)];
    const places = ids.length ? await this.repo.placesOf(ids) : [];
    for (const p of places) this.countries.set(p.communityId, p.country);
    return new Map(places.map((p) => [p.communityId, p]));
  }

  /** The country of each community's unit; unknown communities are left out. */
  async countriesOf(communityIds: readonly string[]): Promise<Map<string, string>> {
    const missing = communityIds.filter((id) => !this.countries.has(id));
    if (missing.length) await this.placesOf(missing);
    const out = new Map<string, string>();
    for (const id of communityIds) {
      const c = this.countries.get(id);
      if (c) out.set(id, c);
    }
    return out;
  }

  /** The communities on the units that share this community's parent unit (a raion's aiyl okrugs), itself included, by Russian name. */
  neighboursOf(communityId: string): Promise<CommunityPlace[]> {
    return this.repo.siblingsOf(communityId);
  }

  /** Runs in the caller's transaction (the creator's membership and the audit row commit with it). */
  async create(tx: Transaction, input: { unitId: string; kind: CommunityKind; names: LocalizedText }): Promise<Community> {
    const names = Object.fromEntries(
      Object.entries(input.names).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()]),
    );
    if (!Object.keys(names).length) throw new InvalidInputError('input.names', 'errors.validation.nameRequired');
    // Made once from the name. Two namesakes created at the very same moment would both pick the same slug and
    // the unique index would refuse the second (communities are created by platform admins, one at a time).
    const base = communitySlugBase(names);
    const taken = await this.repo.slugsLike(tx, base);
    const slug = uniqueSlug(base, (s) => taken.has(s));
    return this.repo.save(tx, { unitId: input.unitId, kind: input.kind, names, slug });
  }
}
