import { createHmac, randomBytes } from 'crypto';

/**
 * The ballot's key in `pb_ballots`: HMAC-SHA256 of process and account under the server's ballot key.
 * Without the key the ballots table cannot be joined to a person; with it, the same person always
 * finds (and may change) their own ballot until the vote closes.
 */
export function ballotPseudonym(key: string, processId: string, accountId: string): string {
  return createHmac('sha256', key).update(`pb-ballot:${processId}:${accountId}`).digest('hex');
}

// Crockford's base32 without I, L, O, U: read aloud or typed from paper without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A voter's receipt: 10 characters (50 random bits), shown once, published as the ballot's id in the `.pb` set. */
export function newReceiptCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(10);
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i] % 32];
  return out;
}
