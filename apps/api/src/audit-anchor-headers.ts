import type { AuditAnchorService } from '@ashar/audit';
import type { NextFunction, Request, Response } from 'express';

export const ANCHOR_HEADERS = ['X-Audit-Anchor', 'X-Audit-Anchor-At', 'X-Audit-Anchor-Signature'] as const;

/**
 * Every public file (budget exports, open data of any context under /api/public) carries the audit
 * chain's head as it was when the file was served: `X-Audit-Anchor: seq:hash` (what `audit:verify
 * --anchor` takes), its time and, with AUDIT_ANCHOR_KEY, its signature. Whoever downloads an export
 * holds a copy of the head outside the platform. A failed read leaves the headers out, never the file.
 */
export function auditAnchorHeaders(anchors: AuditAnchorService) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    anchors.current(true).then(
      (a) => {
        res.setHeader('X-Audit-Anchor', `${a.seq}:${a.hash}`);
        res.setHeader('X-Audit-Anchor-At', a.at);
        if (a.signature) res.setHeader('X-Audit-Anchor-Signature', a.signature);
        // Public files are served to any origin; a script there may read the anchor too.
        res.setHeader('Access-Control-Expose-Headers', ANCHOR_HEADERS.join(', '));
        next();
      },
      () => next(),
    );
  };
}
