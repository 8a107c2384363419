import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { gql, signIn, startTestApp, type TestApp } from '../support/app.js';
import { createPractice, TEST_PASSWORD, type PracticeFixture } from '../support/fixtures.js';

type Agent = Awaited<ReturnType<typeof signIn>>;

/** Ends the caller's own session: every later request would be anonymous. */
const SKIPPED = new Set(['logout']);
const INPUTS_PER_OPERATION = 22;
const MIN_INPUTS = 1000;

/** Ids that exist (so some inputs reach the services), ids that do not, and junk. */
const idArb = (known: string[]) =>
  fc.oneof(
    fc.constantFrom(...known),
    fc.uuid(),
    fc.constantFrom('', ' ', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', 'null', '-1'),
    fc.string({ maxLength: 60 }),
  );

const textArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ minLength: 1000, maxLength: 12000 }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', "'; DROP TABLE client; --", '\u0000', '\uD800', '%s%n', '🙂'),
  fc.constantFrom('2026-02-30', '2026-13-01', '1899-12-31', '9999-12-31', '0000-01-01', '2026-05-01T25:00:00Z'),
  fc.constantFrom('America/New_York', 'Mars/Olympus', 'UTC', 'US/Pacific-New', 'PHQ9', 'GAD7', 'ALLIANCE4'),
);
const intArb = fc.oneof(
  fc.integer({ min: -20, max: 60 }),
  fc.constantFrom(-2147483649, 2147483648, Number.MAX_SAFE_INTEGER, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value for an argument of `type`: mostly of the declared shape, sometimes of another one. */
function valueArb(type: GraphQLInputType, known: string[], depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant([]));
  if (depth > 4) return wrong;
  if (isNonNullType(type)) return valueArb(type.ofType, known, depth);
  if (isListType(type)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(valueArb(type.ofType, known, depth + 1), { maxLength: 6 }) },
      { weight: 1, arbitrary: fc.array(valueArb(type.ofType, known, depth + 1), { minLength: 200, maxLength: 400 }) },
      { weight: 1, arbitrary: wrong },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, valueArb(f.type, known, depth + 1)]));
    return fc.oneof(
      { weight: 5, arbitrary: fc.record(model) },
      // Fields left out at random, required ones too.
      { weight: 2, arbitrary: fc.record(model, { requiredKeys: [] }) },
      { weight: 1, arbitrary: wrong },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
  }
  const scalar = getNamedType(type).name;
  const shaped =
    scalar === 'ID'
      ? idArb(known)
      : scalar === 'Int' || scalar === 'Float'
        ? intArb
        : scalar === 'Boolean'
          ? fc.boolean()
          : scalar === 'DateTime'
            ? fc.oneof(
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                fc.constantFrom('2026-02-30T10:00:00Z', '2026-05-01T14:00:00', 'now'),
              )
            : textArb;
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
}

/** `{ __typename }` for a composite result, nothing for a leaf. */
function selection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
}

function document(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Probe${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
}

describe('bad input at volume: generated arguments for every query and mutation', () => {
  let app: TestApp;
  let p: PracticeFixture;
  let callers: Agent[];
  let known: string[];
  beforeAll(async () => {
    app = await startTestApp();
    p = await createPractice(app.db.owner, 'volume', { therapists: 2, clientsPerTherapist: 2 });
    const { rows } = await app.db.owner.query<{ id: string }>(
      `SELECT id FROM therapy_session WHERE practice_id = $1 UNION ALL SELECT id FROM episode WHERE practice_id = $1`,
      [p.practiceId],
    );
    known = [...p.clientIds, ...p.therapistIds, ...rows.map((r) => r.id)];
    callers = [
      await signIn(app, p.emails.manager, TEST_PASSWORD),
      await signIn(app, p.emails.therapists[0], TEST_PASSWORD),
      await signIn(app, p.emails.clients[0], TEST_PASSWORD),
    ];
  });
  afterAll(() => app.close());

  let sent = 0;
  // The committed schema (kept equal to the served one by tests/api/schema.test.ts) lists the operations.
  const schema = buildSchema(readFileSync(new URL('../../backend/schema.graphql', import.meta.url), 'utf8'));
  const operations = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ['query', f] as const),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ['mutation', f] as const),
  ].filter(([, f]) => !SKIPPED.has(f.name));

  it.each(operations.map(([kind, field], index) => ({ kind, field, index, name: field.name })))(
    '$name: no generated input is answered by a 500 or an internal error',
    async ({ kind, field, index }) => {
      const doc = document(kind, field);
      const variables = fc.sample(
        fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueArb(a.type, known)]))),
        { numRuns: INPUTS_PER_OPERATION, seed: 20 + index },
      );
      const failures: string[] = [];
      for (const [n, vars] of variables.entries()) {
        const res = await gql(callers[(index + n) % callers.length], doc, vars as Record<string, unknown>);
        sent += 1;
        const internal = res.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        if (res.status >= 500 || internal) {
          failures.push(`${res.status} ${internal?.message ?? ''} ${JSON.stringify(vars).slice(0, 300)}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it(`sent at least ${MIN_INPUTS} generated inputs across ${operations.length} operations`, () => {
    expect(sent).toBeGreaterThanOrEqual(MIN_INPUTS);
  });
});
