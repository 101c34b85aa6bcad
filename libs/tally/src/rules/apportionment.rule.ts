/**
 * Seat apportionment for initiative groups whose seats follow villages' population or budget
 * contribution. Weights are non-negative integers (people, or money in minor units) so that every
 * comparison is exact in BigInt.
 *
 * Ties (equal quotients, or equal remainders) go to the party with the larger weight, then to the
 * smaller id compared as text; every tie is reported with the rule that broke it.
 */

export type ApportionmentMethod = 'dhondt' | 'sainte-lague' | 'largest-remainder';

export interface ApportionmentParty {
  id: string;
  weight: number;
}

export type TieBreak = 'LARGER_WEIGHT' | 'SMALLER_ID';

export interface SeatAward {
  seat: number;
  party: string;
  /** weight / divisor (divisor methods). */
  quotient: number;
  quotientExact: string;
  divisor: number;
  tiedWith?: string[];
  tieBreak?: TieBreak;
}

export interface RemainderRow {
  party: string;
  weight: number;
  /** weight × seats / total weight, exactly, as "numerator/denominator". */
  idealExact: string;
  ideal: number;
  automaticSeats: number;
  /** Fractional part of the ideal share. */
  remainder: number;
  extraSeat: boolean;
  tiedWith?: string[];
  tieBreak?: TieBreak;
}

export interface ApportionmentResult {
  kind: 'apportionment';
  method: ApportionmentMethod;
  seats: number;
  totalWeight: number;
  allocation: { party: string; seats: number }[];
  /** Divisor methods: who got each seat, in order. */
  awards?: SeatAward[];
  /** Largest remainder: the Hare quota and each party's share. */
  quota?: number;
  rows?: RemainderRow[];
}

export class ApportionmentError extends Error {}

function checkInput(parties: ApportionmentParty[], seats: number): void {
  if (!Number.isInteger(seats) || seats < 0) throw new ApportionmentError(`seats must be a non-negative integer, got ${seats}`);
  const seen = new Set<string>();
  for (const p of parties) {
    if (seen.has(p.id)) throw new ApportionmentError(`party ${p.id} is listed twice`);
    seen.add(p.id);
    if (!Number.isSafeInteger(p.weight) || p.weight < 0) {
      throw new ApportionmentError(`party ${p.id}: weight must be a non-negative integer, got ${p.weight}`);
    }
  }
  if (seats > 0 && parties.every((p) => p.weight === 0)) throw new ApportionmentError('all weights are zero');
}

/** Tie order: larger weight, then smaller id as text. Returns <0 if a goes first. */
function tieOrder(a: ApportionmentParty, b: ApportionmentParty): { c: number; by: TieBreak } {
  if (a.weight !== b.weight) return { c: b.weight - a.weight, by: 'LARGER_WEIGHT' };
  return { c: a.id < b.id ? -1 : a.id > b.id ? 1 : 0, by: 'SMALLER_ID' };
}

export function apportion(method: ApportionmentMethod, parties: ApportionmentParty[], seats: number): ApportionmentResult {
  checkInput(parties, seats);
  const totalWeight = parties.reduce((s, p) => s + p.weight, 0);
  if (method === 'largest-remainder') return largestRemainder(parties, seats, totalWeight);
  const won = new Map(parties.map((p) => [p.id, 0] as [string, number]));
  const divisor = (k: number) => (method === 'dhondt' ? k + 1 : 2 * k + 1);
  const awards: SeatAward[] = [];
  for (let s = 0; s < seats; s++) {
    let best: ApportionmentParty[] = [];
    for (const p of parties) {
      if (p.weight === 0) continue;
      if (best.length === 0) {
        best = [p];
        continue;
      }
      const b = best[0];
      // p.weight / dp vs b.weight / db, exactly.
      const l = BigInt(p.weight) * BigInt(divisor(won.get(b.id)!));
      const r = BigInt(b.weight) * BigInt(divisor(won.get(p.id)!));
      if (l > r) best = [p];
      else if (l === r) best.push(p);
    }
    best.sort((a, b) => tieOrder(a, b).c);
    const winner = best[0];
    const d = divisor(won.get(winner.id)!);
    const award: SeatAward = {
      seat: s + 1,
      party: winner.id,
      quotient: winner.weight / d,
      quotientExact: d === 1 ? String(winner.weight) : `${winner.weight}/${d}`,
      divisor: d,
    };
    if (best.length > 1) {
      award.tiedWith = best.slice(1).map((p) => p.id);
      award.tieBreak = tieOrder(best[0], best[1]).by;
    }
    awards.push(award);
    won.set(winner.id, won.get(winner.id)! + 1);
  }
  return {
    kind: 'apportionment',
    method,
    seats,
    totalWeight,
    allocation: parties.map((p) => ({ party: p.id, seats: won.get(p.id)! })),
    awards,
  };
}

function largestRemainder(parties: ApportionmentParty[], seats: number, totalWeight: number): ApportionmentResult {
  const W = BigInt(totalWeight);
  const S = BigInt(seats);
  const rows: RemainderRow[] = parties.map((p) => {
    const num = BigInt(p.weight) * S;
    const auto = W === 0n ? 0n : num / W;
    const rem = W === 0n ? 0n : num % W;
    return {
      party: p.id,
      weight: p.weight,
      idealExact: W === 0n ? '0' : `${num}/${W}`,
      ideal: W === 0n ? 0 : Number(num) / totalWeight,
      automaticSeats: Number(auto),
      remainder: W === 0n ? 0 : Number(rem) / totalWeight,
      extraSeat: false,
      _rem: rem,
    } as RemainderRow & { _rem: bigint };
  });
  const given = rows.reduce((s, r) => s + r.automaticSeats, 0);
  const left = seats - given;
  const byId = new Map(parties.map((p) => [p.id, p] as [string, ApportionmentParty]));
  const order = (rows as (RemainderRow & { _rem: bigint })[]).slice().sort((a, b) => {
    if (a._rem !== b._rem) return a._rem > b._rem ? -1 : 1;
    return tieOrder(byId.get(a.party)!, byId.get(b.party)!).c;
  });
  for (let i = 0; i < left; i++) order[i].extraSeat = true;
  // A tie matters only where the cut between extra seat and none falls inside a group of equal remainders.
  if (left > 0 && left < order.length && order[left - 1]._rem === order[left]._rem) {
    const r = order[left]._rem;
    const group = order.filter((x) => x._rem === r);
    for (const x of group) {
      x.tiedWith = group.filter((y) => y !== x).map((y) => y.party);
      x.tieBreak = tieOrder(byId.get(order[left - 1].party)!, byId.get(order[left].party)!).by;
    }
  }
  const clean = (rows as (RemainderRow & { _rem?: bigint })[]).map((r) => {
    const { _rem, ...rest } = r;
    void _rem;
    return rest as RemainderRow;
  });
  return {
    kind: 'apportionment',
    method: 'largest-remainder',
    seats,
    totalWeight,
    quota: seats > 0 ? totalWeight / seats : 0,
    allocation: clean.map((r) => ({ party: r.party, seats: r.automaticSeats + (r.extraSeat ? 1 : 0) })),
    rows: clean,
  };
}
