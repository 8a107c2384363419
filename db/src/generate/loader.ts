import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Json = { readonly [key: string]: unknown };

/** The columns the generator writes, per table. Ids left out here come from the uuidv7() default. */
export interface TableRows {
  practice: { id: string; name: string; country: string; settings: Json; is_demo: boolean; created_at: string };
  app_user: {
    practice_id: string;
    id: string;
    email: string;
    password_hash: string | null;
    role: 'MANAGER' | 'THERAPIST' | 'CLIENT';
    display_name: string;
    created_at: string;
  };
  client: {
    practice_id: string;
    id: string;
    therapist_id: string;
    user_id: string | null;
    code: string;
    display_name: string | null;
    timezone: string;
    status: 'ACTIVE' | 'PAUSED' | 'DISCHARGED';
    created_at: string;
  };
  episode: {
    practice_id: string;
    id: string;
    client_id: string;
    started_on: string;
    ended_on: string | null;
    end_reason: 'COMPLETED' | 'DROPPED_OUT' | 'REFERRED_ON' | 'OTHER' | null;
    created_at: string;
  };
  therapy_session: {
    practice_id: string;
    id: string;
    client_id: string;
    episode_id: string;
    therapist_id: string;
    scheduled_at: string;
    duration_minutes: number;
    number: number;
    status: 'SCHEDULED' | 'ATTENDED' | 'CANCELLED' | 'NO_SHOW';
    status_recorded_at: string | null;
    created_at: string;
  };
  measure_response: {
    practice_id: string;
    id: string;
    client_id: string;
    episode_id: string | null;
    session_id: string | null;
    instrument_code: string;
    instrument_version: string;
    answers: readonly number[];
    total: number;
    comment: string | null;
    help_now: boolean;
    source: 'CLIENT' | 'RATING_LINK' | 'THERAPIST' | 'IMPORT';
    submitted_at: string;
  };
  mood_entry: {
    practice_id: string;
    client_id: string;
    local_date: string;
    rating: number;
    note: string | null;
    help_now: boolean;
    created_at: string;
    updated_at: string;
  };
  homework_assignment: {
    practice_id: string;
    id: string;
    client_id: string;
    episode_id: string | null;
    title: string;
    instructions: string | null;
    frequency: 'ONCE' | 'DAILY' | 'WEEKLY';
    assigned_on: string;
    due_on: string | null;
    created_by: string;
    created_at: string;
  };
  homework_report: {
    practice_id: string;
    client_id: string;
    assignment_id: string;
    local_date: string;
    status: 'DONE' | 'PARTIAL' | 'NOT_DONE';
    effort: number | null;
    helpfulness: number | null;
    note: string | null;
    created_at: string;
  };
  goal: {
    practice_id: string;
    id: string;
    client_id: string;
    episode_id: string | null;
    title: string;
    status: 'ACTIVE' | 'ACHIEVED' | 'DROPPED';
    created_by: string;
    created_at: string;
  };
  goal_rating: { practice_id: string; client_id: string; goal_id: string; rating: number; rated_at: string };
  flag: {
    practice_id: string;
    id: string;
    client_id: string;
    kind: 'RISK' | 'ALLIANCE_RUPTURE' | 'NOT_ON_TRACK' | 'DETERIORATION' | 'STALLED' | 'DISENGAGING';
    severity: 'URGENT' | 'HIGH' | 'MEDIUM';
    status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
    evidence: Json;
    rule_version: string;
    opened_at: string;
    resolved_at: string | null;
    resolved_by: string | null;
    resolve_note: string | null;
    repaired: boolean | null;
  };
}

export type TableName = keyof TableRows;

const COLUMNS: { readonly [T in TableName]: readonly (keyof TableRows[T] & string)[] } = {
  practice: ['id', 'name', 'country', 'settings', 'is_demo', 'created_at'],
  app_user: ['practice_id', 'id', 'email', 'password_hash', 'role', 'display_name', 'created_at'],
  client: ['practice_id', 'id', 'therapist_id', 'user_id', 'code', 'display_name', 'timezone', 'status', 'created_at'],
  episode: ['practice_id', 'id', 'client_id', 'started_on', 'ended_on', 'end_reason', 'created_at'],
  therapy_session: [
    'practice_id',
    'id',
    'client_id',
    'episode_id',
    'therapist_id',
    'scheduled_at',
    'duration_minutes',
    'number',
    'status',
    'status_recorded_at',
    'created_at',
  ],
  measure_response: [
    'practice_id',
    'id',
    'client_id',
    'episode_id',
    'session_id',
    'instrument_code',
    'instrument_version',
    'answers',
    'total',
    'comment',
    'help_now',
    'source',
    'submitted_at',
  ],
  mood_entry: ['practice_id', 'client_id', 'local_date', 'rating', 'note', 'help_now', 'created_at', 'updated_at'],
  homework_assignment: [
    'practice_id',
    'id',
    'client_id',
    'episode_id',
    'title',
    'instructions',
    'frequency',
    'assigned_on',
    'due_on',
    'created_by',
    'created_at',
  ],
  homework_report: [
    'practice_id',
    'client_id',
    'assignment_id',
    'local_date',
    'status',
    'effort',
    'helpfulness',
    'note',
    'created_at',
  ],
  goal: ['practice_id', 'id', 'client_id', 'episode_id', 'title', 'status', 'created_by', 'created_at'],
  goal_rating: ['practice_id', 'client_id', 'goal_id', 'rating', 'rated_at'],
  flag: [
    'practice_id',
    'id',
    'client_id',
    'kind',
    'severity',
    'status',
    'evidence',
    'rule_version',
    'opened_at',
    'resolved_at',
    'resolved_by',
    'resolve_note',
    'repaired',
  ],
};

/** Parents before children, so every foreign key finds its row. */
export const LOAD_ORDER: readonly TableName[] = [
  'practice',
  'app_user',
  'client',
  'episode',
  'therapy_session',
  'measure_response',
  'mood_entry',
  'homework_assignment',
  'homework_report',
  'goal',
  'goal_rating',
  'flag',
];

export interface RowSink {
  add<T extends TableName>(table: T, row: TableRows[T]): void;
}

export type RowCounts = Record<TableName, number>;

/** Rows taken out of a loader, not yet written. */
export interface Batch {
  lines: Map<TableName, string[]>;
  objects: Map<TableName, object[]>;
}

export function emptyCounts(): RowCounts {
  return Object.fromEntries(LOAD_ORDER.map((t) => [t, 0])) as RowCounts;
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return escapeCopy(value);
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      return Array.isArray(value) ? `{${value.join(',')}}` : escapeCopy(JSON.stringify(value));
  }
}

const COPY_SPECIAL = /[\\\t\n\r]/;

function escapeCopy(text: string): string {
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Buffers rows per table and writes them in foreign-key order on flush().
 * 'copy' streams COPY FROM STDIN (fastest; needs a role that bypasses row-level security, as COPY
 * FROM refuses tables where RLS applies). 'insert' sends INSERT ... SELECT FROM
 * json_populate_recordset batches, which work under RLS with app.practice_id set.
 */
export class BulkLoader implements RowSink {
  readonly counts: RowCounts = emptyCounts();
  private lines = new Map<TableName, string[]>();
  private objects = new Map<TableName, object[]>();
  private bytes = 0;

  constructor(
    private readonly db: pg.ClientBase,
    private readonly mode: 'copy' | 'insert' = 'copy',
  ) {}

  /** Approximate size of what is buffered, to decide when to flush. */
  get bufferedBytes(): number {
    return this.bytes;
  }

  add<T extends TableName>(table: T, row: TableRows[T]): void {
    this.counts[table] += 1;
    if (this.mode === 'insert') {
      this.bufferFor(this.objects, table).push(row);
      this.bytes += 200;
      return;
    }
    const columns = COLUMNS[table];
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      line += (i === 0 ? '' : '\t') + copyField(row[columns[i]!]);
    }
    line += '\n';
    this.bufferFor(this.lines, table).push(line);
    this.bytes += line.length;
  }

  /** Writes everything buffered, in foreign-key order. */
  async flush(): Promise<void> {
    await this.write(this.take());
  }

  /** Hands over what is buffered (to write while the next batch is generated) and starts afresh. */
  take(): Batch {
    const batch: Batch = { lines: this.lines, objects: this.objects };
    this.lines = new Map();
    this.objects = new Map();
    this.bytes = 0;
    return batch;
  }

  async write(batch: Batch): Promise<void> {
    for (const table of LOAD_ORDER) {
      const columns = COLUMNS[table].join(', ');
      const lines = batch.lines.get(table);
      if (lines?.length) {
        const stream = this.db.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`));
        await pipeline(Readable.from(chunked(lines)), stream);
      }
      const rows = batch.objects.get(table) ?? [];
      for (let i = 0; i < rows.length; i += 5000) {
        await this.db.query(
          `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
          [JSON.stringify(rows.slice(i, i + 5000))],
        );
      }
    }
  }

  private bufferFor<V>(buffers: Map<TableName, V[]>, table: TableName): V[] {
    let buffer = buffers.get(table);
    if (!buffer) {
      buffer = [];
      buffers.set(table, buffer);
    }
    return buffer;
  }
}

/** Joins lines into ~1 MB chunks so the stream is not driven one row at a time. */
function* chunked(lines: string[]): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
