import { ALLIANCE4, GAD7, PHQ9, type InstrumentDefinition } from '@cairn/shared';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { cursorBatches } from '../cursor.js';
import {
  MOODS_SQL,
  PATIENTS_SQL,
  RESPONSES_SQL,
  type MoodRow,
  type PatientRow,
  type ResponseRow,
} from '../export.sql.js';
import type { ExportRun } from './run.js';

export const LOINC = 'http://loinc.org';
export const CAIRN_CODES = 'http://cairn.example/fhir/CodeSystem/cairn';
export const CLIENT_CODE_SYSTEM = 'http://cairn.example/fhir/sid/client-code';
const QUESTIONNAIRE_BASE = 'http://cairn.example/fhir/Questionnaire/';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

const INSTRUMENTS: readonly InstrumentDefinition[] = [PHQ9, GAD7, ALLIANCE4];
const BY_CODE = new Map(INSTRUMENTS.map((d) => [d.code, d]));
const EXPORTED = INSTRUMENTS.map((d) => d.code);

/** LOINC answer list LL358-3, shared by the PHQ-9 and GAD-7 items (0-3, "Not at all" to "Nearly every day"). */
const LL358_3: Readonly<Record<number, string>> = { 0: 'LA6568-5', 1: 'LA6569-3', 2: 'LA6570-1', 3: 'LA6571-9' };

const TOTAL_CODES: Readonly<Record<string, { system: string; code: string; display: string }>> = {
  PHQ9: {
    system: LOINC,
    code: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  },
  GAD7: {
    system: LOINC,
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
  ALLIANCE4: { system: CAIRN_CODES, code: 'ALLIANCE4-total', display: 'Session alliance rating total (0-40)' },
};
const MOOD_CODE = { system: CAIRN_CODES, code: 'mood', display: 'Daily mood rating (1-10, higher is better)' };

type Json = Record<string, unknown>;

const urn = (id: string) => `urn:uuid:${id}`;
const canonical = (d: InstrumentDefinition) => `${QUESTIONNAIRE_BASE}${d.code}`;
/** Item linkIds are the LOINC item codes where they exist (PHQ-9, GAD-7), else Cairn's local item codes. */
const linkIdOf = (d: InstrumentDefinition, index: number) => d.items[index].loinc ?? `${d.code}-${d.items[index].id}`;

function entry(resource: Json & { id: string }): string {
  return JSON.stringify({ fullUrl: urn(resource.id), resource });
}

function answerOf(d: InstrumentDefinition, value: number): Json {
  const option = d.responseOptions?.find((o) => o.value === value);
  const loinc = LL358_3[value];
  if (d.loinc && option && loinc) return { valueCoding: { system: LOINC, code: loinc, display: option.label } };
  return { valueInteger: value };
}

/** The local code system: ALLIANCE4, its items and total, and mood. */
function codeSystem(): Json & { id: string } {
  return {
    resourceType: 'CodeSystem',
    id: randomUUID(),
    url: CAIRN_CODES,
    name: 'CairnCodes',
    status: 'active',
    content: 'complete',
    concept: [
      { code: ALLIANCE4.code, display: ALLIANCE4.title },
      ...ALLIANCE4.items.map((item, i) => ({ code: linkIdOf(ALLIANCE4, i), display: item.text })),
      { code: TOTAL_CODES.ALLIANCE4.code, display: TOTAL_CODES.ALLIANCE4.display },
      { code: MOOD_CODE.code, display: MOOD_CODE.display },
    ],
  };
}

function questionnaire(d: InstrumentDefinition): Json & { id: string } {
  return {
    resourceType: 'Questionnaire',
    id: randomUUID(),
    url: canonical(d),
    version: d.version,
    name: d.code,
    title: d.title,
    status: 'active',
    copyright: d.licence,
    code: [
      d.loinc
        ? { system: LOINC, code: d.loinc.panel, display: d.title }
        : { system: CAIRN_CODES, code: d.code, display: d.title },
    ],
    item: d.items.map((item, i) => ({
      linkId: linkIdOf(d, i),
      code: [item.loinc ? { system: LOINC, code: item.loinc } : { system: CAIRN_CODES, code: linkIdOf(d, i) }],
      text: item.text,
      type: d.loinc ? 'choice' : 'integer',
      required: true,
      ...(d.loinc
        ? { answerOption: (d.responseOptions ?? []).map((o) => ({ valueCoding: answerOf(d, o.value).valueCoding })) }
        : {}),
    })),
  };
}

function patient(p: PatientRow): Json & { id: string } {
  return {
    resourceType: 'Patient',
    id: p.clientId,
    identifier: [{ system: CLIENT_CODE_SYSTEM, value: p.clientCode }],
    ...(p.clientName ? { name: [{ text: p.clientName }] } : {}),
  };
}

/** A reference to the client's Patient entry, carrying the pseudonymous code. */
function subject(clientId: string, code: string): Json {
  return { reference: urn(clientId), type: 'Patient', identifier: { system: CLIENT_CODE_SYSTEM, value: code } };
}

function responseAndTotal(m: ResponseRow): string[] {
  const d = BY_CODE.get(m.instrumentCode);
  if (!d) return [];
  const who = subject(m.clientId, m.clientCode);
  const authored = m.submittedAt.toISOString();
  const response = {
    resourceType: 'QuestionnaireResponse',
    id: m.id,
    questionnaire: canonical(d),
    status: 'completed',
    subject: who,
    authored,
    item: m.answers
      .slice(0, d.items.length)
      .map((value, i) => ({ linkId: linkIdOf(d, i), answer: [answerOf(d, value)] })),
  };
  const total = {
    resourceType: 'Observation',
    id: randomUUID(),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [TOTAL_CODES[d.code]], text: `${d.shortTitle ?? d.code} total` },
    subject: who,
    effectiveDateTime: authored,
    valueInteger: m.total,
    derivedFrom: [{ reference: urn(m.id), type: 'QuestionnaireResponse' }],
  };
  return [entry(response), entry(total)];
}

function mood(m: MoodRow): string {
  return entry({
    resourceType: 'Observation',
    id: m.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [MOOD_CODE], text: 'Mood' },
    subject: subject(m.clientId, m.clientCode),
    effectiveDateTime: m.localDate,
    valueInteger: m.rating,
  });
}

/** Rows per yielded chunk: text is made a few rows at a time, so it dies young instead of piling up. */
const ROWS_PER_CHUNK = 16;

/** Each entry preceded by its comma, made and yielded a few rows at a time; counts the entries. */
function* chunked<T>(run: ExportRun, rows: readonly T[], entries: (row: T) => string[]): Generator<string> {
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    const text = rows.slice(i, i + ROWS_PER_CHUNK).flatMap(entries);
    if (text.length === 0) continue;
    run.wrote(text.length);
    yield `,${text.join(',')}`;
  }
}

/**
 * The Bundle as JSON text, entry by entry: definitions, then Patients, then each response with its
 * total, then mood ratings. Codes only; no names unless identifiable, never comments or notes.
 */
async function* bundle(run: ExportRun): AsyncGenerator<string> {
  const { from, to, identifiable } = run.request;
  yield (
    `{"resourceType":"Bundle","id":${JSON.stringify(randomUUID())},"type":"collection",` +
    `"timestamp":${JSON.stringify(new Date().toISOString())},"entry":[`
  );
  yield [entry(codeSystem()), ...INSTRUMENTS.map((d) => entry(questionnaire(d)))].join(',');
  run.wrote(1 + INSTRUMENTS.length);
  for await (const batch of cursorBatches<PatientRow>(run.db, PATIENTS_SQL, [from, to, identifiable, EXPORTED])) {
    yield* chunked(run, batch, (p) => [entry(patient(p))]);
  }
  for await (const batch of cursorBatches<ResponseRow>(run.db, RESPONSES_SQL, [from, to, EXPORTED])) {
    yield* chunked(run, batch, responseAndTotal);
  }
  for await (const batch of cursorBatches<MoodRow>(run.db, MOODS_SQL, [from, to])) {
    yield* chunked(run, batch, (m) => [mood(m)]);
  }
  yield ']}';
}

export async function writeFhir(run: ExportRun): Promise<void> {
  await pipeline(Readable.from(bundle(run), { objectMode: false }), run.out);
}
