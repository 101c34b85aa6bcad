/** Offset pagination bounds shared by list queries; a hard cap keeps one request cheap. */
export const MAX_PAGE_SIZE = 200;

export function clampLimit(limit: number | null | undefined, fallback = 50): number {
  if (limit === null || limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
}
