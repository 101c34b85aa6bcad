import { AppConfig } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import { createHmac } from 'crypto';

/** The ballots' pseudonym key: BALLOT_KEY, else derived from JWT_SECRET (see the README: never change it during a vote). */
@Injectable()
export class BallotKeys {
  readonly key: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.key = config.ballotKey ?? createHmac('sha256', config.jwtSecret).update('ashar-ballot-key').digest('base64url');
  }
}
