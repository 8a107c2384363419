import { createHash, randomBytes } from 'node:crypto';

/** 128 bits or more of randomness, URL-safe. Only the hash is ever stored. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
