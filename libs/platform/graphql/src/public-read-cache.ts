import { createHash } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse } from 'graphql';

export interface PublicReadCacheOptions {
  ttlMs: number;
  /** Bound on the bodies kept (oldest go first). */
  maxBytes?: number;
  /** Documents longer than this are never cached (nor parsed here: the shape check guards parsing). */
  maxDocumentLength?: number;
  now?: () => number;
}

interface Entry {
  body: string;
  contentType: string;
  expires: number;
}

/**
 * Anonymous reads of the public pages (a village's budget, the directory) are the same answer for every
 * visitor for a few seconds: this process keeps each such answer for `ttlMs` and sends it again without
 * Nest, Apollo or SQL. Only a POST without Authorization whose document holds nothing but queries, and
 * only a 200 answer without errors, is kept; the key is document, operation, variables and language.
 * Every replica keeps its own, so a published change shows everywhere after at most `ttlMs` (the price,
 * chosen over invalidation across replicas: public figures a few seconds old harm no one).
 */
export function publicReadCache(opts: PublicReadCacheOptions) {
  const now = opts.now ?? Date.now;
  const maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  const maxDocumentLength = opts.maxDocumentLength ?? 16 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const queriesOnly = new Map<string, boolean>();

  const isQueryDocument = (doc: string): boolean => {
    let known = queriesOnly.get(doc);
    if (known === undefined) {
      try {
        const parsed = parse(doc, { maxTokens: 3000 });
        known = parsed.definitions.every((d) => d.kind === Kind.FRAGMENT_DEFINITION || (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query'));
      } catch {
        known = false; // Apollo answers it (with its own error)
      }
      if (queriesOnly.size >= 1000) queriesOnly.clear();
      queriesOnly.set(doc, known);
    }
    return known;
  };

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.body.length;
    entries.delete(key);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== 'POST' || req.headers.authorization || !body || typeof body !== 'object' || Array.isArray(body)) return next();
    if (typeof body.query !== 'string' || body.query.length > maxDocumentLength || !isQueryDocument(body.query)) return next();
    const key = createHash('sha256')
      .update(JSON.stringify([body.query, body.operationName ?? null, body.variables ?? null, req.headers['x-lang'] ?? '', req.headers['accept-language'] ?? '']))
      .digest('base64');
    const t = now();
    const hit = entries.get(key);
    if (hit && hit.expires > t) {
      res.status(200).setHeader('Content-Type', hit.contentType);
      res.setHeader('X-Public-Cache', 'hit');
      res.send(hit.body);
      return;
    }
    if (hit) drop(key);
    const send = res.send.bind(res);
    res.send = ((payload: unknown) => {
      if (res.statusCode === 200 && typeof payload === 'string' && payload.length <= maxBytes / 8 && answerWithoutErrors(payload)) {
        drop(key);
        entries.set(key, { body: payload, contentType: String(res.getHeader('Content-Type') ?? 'application/json; charset=utf-8'), expires: t + opts.ttlMs });
        bytes += payload.length;
        for (const k of entries.keys()) {
          if (bytes <= maxBytes) break;
          drop(k);
        }
      }
      return send(payload);
    }) as Response['send'];
    next();
  };
}

function answerWithoutErrors(payload: string): boolean {
  try {
    const parsed = JSON.parse(payload) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
}
