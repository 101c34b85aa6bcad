import { Injectable } from '@nestjs/common';
import { foldForSearch, InvalidInputError, NotFoundError } from '@ashar/kernel';
import { Country } from '../domain/unit-level';
import { TerritorialUnit } from '../entities/territorial-unit.entity';
import { TerritorialUnitsRepository } from '../repositories/territorial-units.repository';

@Injectable()
export class TerritoryService {
  constructor(private readonly units: TerritorialUnitsRepository) {}

  roots(country: Country): Promise<TerritorialUnit[]> {
    return this.units.roots(country);
  }

  /** The current unit with this code, else the most recent historical one. */
  async byCode(code: string): Promise<TerritorialUnit> {
    const unit = await this.units.latestByCode(code.trim());
    if (!unit) throw new NotFoundError('TerritorialUnit', code);
    return unit;
  }

  /** For inputs: an unknown code is the caller's mistake (BAD_USER_INPUT on that field). */
  async requireCurrentUnit(code: string, field: string): Promise<TerritorialUnit> {
    const unit = await this.units.currentByCode(code.trim());
    if (!unit) throw new InvalidInputError(field, 'errors.validation.unknownTerritory', `${field}: unknown territory code ${code}`);
    return unit;
  }

  /** The current unit with this code, or null. */
  currentUnitByCode(code: string): Promise<TerritorialUnit | null> {
    return this.units.currentByCode(code.trim());
  }

  byIds(ids: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units.byIds(ids);
  }

  childrenOf(parentIds: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units.childrenOf(parentIds);
  }

  /** Ancestors of many units in one recursive query, root first for each. */
  async ancestorsOf(unitIds: readonly string[]): Promise<Map<string, TerritorialUnit[]>> {
    const rows = await this.units.ancestorLinks(unitIds);
    const units = rows.length ? await this.byIds([...new Set(rows.map((r) => r.id))]) : [];
    const byId = new Map(units.map((u) => [u.id, u]));
    const result = new Map<string, TerritorialUnit[]>(unitIds.map((id) => [id, []]));
    for (const r of [...rows].sort((a, b) => b.depth - a.depth)) result.get(r.start_id)!.push(byId.get(r.id)!);
    return result;
  }

  /**
   * Spelling-tolerant search: query and names folded the same way (ө/о, ү/у, ң/н, ё/е, Latin
   * look-alikes), every word must match; exact names first, then prefixes, then larger units.
   */
  async search(query: string, country: Country | null, limit?: number | null): Promise<TerritorialUnit[]> {
    const folded = foldForSearch(query);
    if (folded.length < 2) return [];
    return this.units.search(folded, folded.split(' ').slice(0, 5), country, limit);
  }
}
