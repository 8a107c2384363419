import { hash, type Algorithm } from '@node-rs/argon2';

export const DEMO_PASSWORD = 'cairn-demo';

/** Algorithm.Argon2id: a const enum in the typings, so spelled as its value for runtimes that do not inline it. */
const ARGON2ID: Algorithm = 2;

/** One argon2id hash of the demo password, reused for every seeded account (hashing is slow by design). */
export function hashDemoPassword(): Promise<string> {
  return hash(DEMO_PASSWORD, { algorithm: ARGON2ID });
}
