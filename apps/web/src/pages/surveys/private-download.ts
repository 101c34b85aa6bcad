/**
 * Downloads one of the API's organiser-only files (exports, XLSForm of a version): a plain link cannot
 * carry the access token (it lives in memory, never in a cookie the API trusts for files), so the file is
 * fetched with `Authorization: Bearer` through the client's `authorized` (renewed once on 401), then
 * handed to the browser as a blob link. Failures come back as catalogue keys.
 */
import { graphql } from '../../api/graphql.client';

export type DownloadResult = { ok: true } | { ok: false; messageKey: string };

export async function downloadPrivateFile(url: string, fileName: string): Promise<DownloadResult> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { ok: false, messageKey: 'status.offline' };
  let response: Response;
  try {
    response = await graphql.authorized((token) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: 'include' }));
  } catch {
    return { ok: false, messageKey: 'status.offline' };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; messageKey?: string } | null;
    return { ok: false, messageKey: body?.messageKey ?? `errors.${body?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : response.status === 404 ? 'NOT_FOUND' : 'INTERNAL_SERVER_ERROR')}` };
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
  return { ok: true };
}
