import type { Writable } from 'node:stream';
import type { RequestDb } from '../../../database/request-db.js';
import { episodeFacts, type EpisodeFacts } from '../../report/report.figures.js';
import type { ReportService } from '../../report/report.service.js';
import { ENDED_EPISODES_SQL, type EpisodeRow } from '../../report/report.sql.js';
import { cursorBatches } from '../cursor.js';
import type { ExportRequest } from '../export.service.js';
import { MEASURES_SQL, type MeasureRow } from '../export.sql.js';

/** One download in progress: the manager's read-only, tenant-bound transaction and the response. */
export interface ExportRun {
  db: RequestDb;
  request: ExportRequest;
  out: Writable;
  reports: ReportService;
  /** Counts data rows (or resources, or pages) written, for exportProgress. */
  wrote(rows: number): void;
}

export class ExportAborted extends Error {
  override name = 'ExportAborted';
  constructor() {
    super('the client stopped the download');
  }
}

/** Waits while the response's buffer is full; a client that has gone stops the export. */
export async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
  if (out.destroyed) throw new ExportAborted();
}

/** Finished courses (>= 2 attended sessions) that ended in the period, batch by batch. */
export async function* finishedCourses(run: ExportRun): AsyncGenerator<EpisodeFacts[]> {
  const { from, to, identifiable } = run.request;
  for await (const rows of cursorBatches<EpisodeRow>(run.db, ENDED_EPISODES_SQL, [from, to, identifiable])) {
    yield rows.map(episodeFacts).filter((e) => e.finishedCourse);
  }
}

/** Responses given in the period, every instrument, batch by batch. */
export function measureBatches(run: ExportRun): AsyncGenerator<MeasureRow[]> {
  const { from, to, identifiable } = run.request;
  return cursorBatches<MeasureRow>(run.db, MEASURES_SQL, [from, to, null, identifiable]);
}
