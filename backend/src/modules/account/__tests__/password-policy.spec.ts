import { passwordProblem } from '../password-policy.js';

describe('password policy', () => {
  it('accepts a long phrase of unrelated words', async () => {
    expect(await passwordProblem('granite orchard lantern 42')).toBeNull();
    expect(await passwordProblem('correct horse battery')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting what the person typed (not UTF-16 units)', async () => {
    expect(await passwordProblem('Tr0ub4dor&3')).toMatch(/at least 12 characters \(this one has 11\)/);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(await passwordProblem('🌲'.repeat(11))).toMatch(/this one has 11/);
  });

  it('refuses common passwords with zxcvbn’s reason and a suggestion', async () => {
    const problem = await passwordProblem('password1234');
    expect(problem).toMatch(/commonly used password/);
    expect(problem).toMatch(/Add more words/);
    expect(await passwordProblem('qwertyuiop12')).not.toBeNull();
    expect(await passwordProblem('aaaaaaaaaaaa')).not.toBeNull();
  });

  it('refuses a password built from the person’s own e-mail, name or practice', async () => {
    expect(await passwordProblem('ana.silva2026!', ['ana.silva@clinic.example', 'Ana Silva'])).toMatch(
      /e-mail address/,
    );
    expect(await passwordProblem('Riverside Therapy 1', ['x@y.example', 'Bo', 'Riverside Therapy'])).toMatch(
      /practice name/,
    );
  });

  it('refuses more than 256 characters', async () => {
    expect(await passwordProblem('a b c d '.repeat(40))).toMatch(/at most 256/);
  });
});
