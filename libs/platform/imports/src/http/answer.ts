import { DomainError, httpErrorAnswer } from '@ashar/kernel';
import type { Request, Response } from 'express';
import { discardUpload } from './upload';

/**
 * Runs a plain HTTP route's work. A DomainError is answered with its status and the same JSON error body
 * GraphQL gives (`extensions.code`, message key); when the route was refusing an upload, the rest of the
 * body is drained unread, so the client gets the answer instead of a reset connection. Any other error
 * is a server error for Nest's exception filter.
 */
export async function answerHttp(res: Response, fn: () => Promise<void>, upload?: { req: Request; max: number }): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const { status, body } = httpErrorAnswer(e);
    res.status(status).json(body);
    if (upload) discardUpload(upload.req, upload.max);
  }
}
