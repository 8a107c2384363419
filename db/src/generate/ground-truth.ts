import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GroundTruthEvent } from './oracle.js';

/**
 * Streams the ground-truth JSON document: a header object whose "events" array is written as
 * clients are generated, then a "clients" array (one small record per client) at the end.
 */
export class GroundTruthWriter {
  private pending: string[] = [];
  private wroteEvent = false;
  count = 0;

  private constructor(private readonly out: WriteStream) {}

  static async open(path: string, header: Record<string, unknown>): Promise<GroundTruthWriter> {
    await mkdir(dirname(path), { recursive: true });
    const out = createWriteStream(path);
    await once(out, 'open');
    const writer = new GroundTruthWriter(out);
    await writer.write(`${JSON.stringify(header).slice(0, -1)},"events":[\n`);
    return writer;
  }

  event(event: GroundTruthEvent): void {
    this.pending.push(JSON.stringify(event));
    this.count++;
  }

  /** Writes the events gathered since the last drain. */
  async drain(): Promise<void> {
    if (!this.pending.length) return;
    const text = (this.wroteEvent ? ',\n' : '') + this.pending.join(',\n');
    this.wroteEvent = true;
    this.pending = [];
    await this.write(text);
  }

  async close(clients: readonly string[]): Promise<void> {
    await this.drain();
    await this.write(`\n],"clients":[\n${clients.join(',\n')}\n]}\n`);
    this.out.end();
    await once(this.out, 'finish');
  }

  private async write(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
