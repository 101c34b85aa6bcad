/**
 * Where to go after logging in or signing up: `?next=/invitations/…` when a page sent the person
 * here, else their communities. Only same-site paths are followed (never `//host` or a full URL).
 */
export function safeNext(search: string, fallback = '/me'): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function withNext(path: string, next: string | null): string {
  return next && next !== '/me' ? `${path}?next=${encodeURIComponent(next)}` : path;
}
