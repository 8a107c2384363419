import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { badInput } from '../../common/errors.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's 0-4 scale: 3 is "safely unguessable" (about 10^10 guesses), enough behind rate limits. */
const MIN_SCORE = 3;

// Built on first use: the dictionaries take a moment to index and most requests never need them.
let checker: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return checker;
}

/**
 * Why a new password is refused, in words the person can act on, or null when it is fine.
 * `personal` are words about the person (e-mail, name, practice) that must not carry the password.
 */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}). A few unrelated words make a strong one.`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const names = personal.map((p) => p.toLowerCase().split('@')[0].trim()).filter((p) => p.length >= 4);
  if (names.some((name) => lower.includes(name))) {
    return 'Do not build your password from your e-mail address, your name or the practice name: others know them.';
  }
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3);
  const result = zxcvbn().check(password, ['cairn', ...words]);
  if (result.score >= MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  const why = warning ?? 'This password would be easy to guess.';
  const fix = suggestions.length > 0 ? suggestions.join(' ') : 'Add another word or two that are not common.';
  return `${why} ${fix}`;
}

/** BAD_USER_INPUT naming `password` when the policy refuses it. */
export function checkNewPassword(password: string, personal: string[]): void {
  const problem = passwordProblem(password, personal);
  if (problem) throw badInput('password', problem);
}
