import { passwordProblem } from '../password-policy.js';

describe('password policy', () => {
  it('accepts a long phrase of unrelated words', () => {
    expect(passwordProblem('granite orchard lantern 42')).toBeNull();
    expect(passwordProblem('correct horse battery')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting what the person typed (not UTF-16 units)', () => {
    expect(passwordProblem('Tr0ub4dor&3')).toMatch(/at least 12 characters \(this one has 11\)/);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem('🌲'.repeat(11))).toMatch(/this one has 11/);
  });

  it('refuses common passwords with zxcvbn’s reason and a suggestion', () => {
    const problem = passwordProblem('password1234');
    expect(problem).toMatch(/commonly used password/);
    expect(problem).toMatch(/Add more words/);
    expect(passwordProblem('qwertyuiop12')).not.toBeNull();
    expect(passwordProblem('aaaaaaaaaaaa')).not.toBeNull();
  });

  it('refuses a password built from the person’s own e-mail, name or practice', () => {
    expect(passwordProblem('ana.silva2026!', ['ana.silva@clinic.example', 'Ana Silva'])).toMatch(/e-mail address/);
    expect(passwordProblem('Riverside Therapy 1', ['x@y.example', 'Bo', 'Riverside Therapy'])).toMatch(/practice name/);
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('a b c d '.repeat(40))).toMatch(/at most 256/);
  });
});
