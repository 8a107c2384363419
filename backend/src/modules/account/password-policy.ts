import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { badInput } from '../../common/errors.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's 0-4 scale: 3 is "safely unguessable" (about 10^10 guesses), enough behind rate limits. */
const MIN_SCORE = 3;

// Loaded and built on first use: the dictionaries hold about 45 MB of the server's memory and take a
// moment to index, and most processes (an export, the sweep) never check a password.
let checker: Promise<ZxcvbnFactory> | undefined;
function zxcvbn(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([common, english]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      }),
  );
  return checker;
}

/**
 * Why a new password is refused, in words the person can act on, or null when it is fine.
 * `personal` are words about the person (e-mail, name, practice) that must not carry the password.
 */
export async function passwordProblem(password: string, personal: string[] = []): Promise<string | null> {
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
  const result = (await zxcvbn()).check(password, ['cairn', ...words]);
  if (result.score >= MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  const why = warning ?? 'This password would be easy to guess.';
  const fix = suggestions.length > 0 ? suggestions.join(' ') : 'Add another word or two that are not common.';
  return `${why} ${fix}`;
}

/** BAD_USER_INPUT naming `password` when the policy refuses it. */
export async function checkNewPassword(password: string, personal: string[]): Promise<void> {
  const problem = await passwordProblem(password, personal);
  if (problem) throw badInput('password', problem);
}
