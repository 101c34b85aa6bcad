import { AppConfig } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import { createHmac } from 'crypto';
import type { NationalIdKind } from '../domain/national-id';

/**
 * The key of national-ID hashes: derived from BALLOT_KEY (else JWT_SECRET) under its own label, so a
 * document hash is neither a ballot pseudonym nor computable without the server's secret. Changing the
 * secret unlinks every stored verification from its document (see the README).
 */
@Injectable()
export class DocumentKeys {
  private readonly key: Buffer;

  constructor(@InjectConfig() config: AppConfig) {
    this.key = createHmac('sha256', config.ballotKey ?? config.jwtSecret).update('ashar-national-id').digest();
  }

  /** HMAC-SHA256(key, kind:digits), hex. */
  hash(kind: NationalIdKind, digits: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${digits}`).digest('hex');
  }
}
