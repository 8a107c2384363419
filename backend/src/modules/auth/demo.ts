/** Demo accounts of the seeded practice (demo data only; refused when NODE_ENV=production). */
export const DEMO_PASSWORD = 'cairn-demo';
export const DEMO_LOGINS: [string, string][] = [
  ['manager', 'manager@demo.cairn.test'],
  ['therapist', 'therapist1@demo.cairn.test'],
  ['therapist', 'therapist2@demo.cairn.test'],
  ['therapist', 'therapist3@demo.cairn.test'],
  ['client', 'client1@demo.cairn.test'],
  ['therapist', 'therapist@harbour.demo.cairn.test (second practice)'],
];

/** The seeded demo accounts (published password) live under demo.cairn.test; production never signs them in. */
export function isDemoEmail(email: string): boolean {
  return /[@.]demo\.cairn\.test$/i.test(email.trim());
}
