/** Two entries of one paper sheet by different members that read it alike (pure). */
export interface SheetReading {
  enteredBy: string;
  choices: string[];
  points: number[] | null;
}

/** The reading two different members agree on, if any. Order counts only for rankings. */
export function agreeingPair(entries: readonly SheetReading[], ordered: boolean): { choices: string[]; points: number[] | null } | null {
  const key = (e: SheetReading) => {
    const pairs = e.choices.map((c, i) => [c, e.points ? e.points[i] : null] as const);
    if (!ordered) pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return JSON.stringify(pairs);
  };
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (entries[i].enteredBy !== entries[j].enteredBy && key(entries[i]) === key(entries[j])) return { choices: entries[i].choices, points: entries[i].points };
    }
  }
  return null;
}
