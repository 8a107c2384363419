import type { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Fields a log line may carry: identifiers and codes only, never clinical values or notes. */
const ALLOWED_FIELDS = new Set([
  'requestId',
  'practiceId',
  'userId',
  'role',
  'operation',
  'operationType',
  'durationMs',
  'status',
  'code',
  'context',
  'errorName',
  'url',
  'port',
  'config',
  'migrations',
  'clientId',
  'flagId',
  'exportId',
  'messageId',
  'attempts',
]);

export interface LogSink {
  write(line: string): void;
}

/**
 * Structured JSON logs. Only allow-listed fields are written, so a careless call cannot put a
 * mood note or a score into the log.
 */
export class CairnLogger implements LoggerService {
  constructor(
    private readonly sink: LogSink = process.stdout,
    private readonly minLevel: Level = 'info',
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    // Nest's start-up chatter (modules wired, routes mapped) is debug detail, not an event.
    const context = rest[rest.length - 1];
    const chatter = context === 'InstanceLoader' || context === 'RoutesResolver' || context === 'RouterExplorer';
    this.emit(chatter ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  event(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    if (!this.enabled(level)) return;
    const safe: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (ALLOWED_FIELDS.has(k)) safe[k] = v;
    this.sink.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...safe })}\n`);
  }

  private emit(level: Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context name last; errors carry only their name (messages may quote input).
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest[rest.length - 1] : undefined;
    const msg = message instanceof Error ? message.name : String(message);
    this.event(level, msg, { context });
  }

  private enabled(level: Level): boolean {
    const order: Level[] = ['debug', 'info', 'warn', 'error'];
    return order.indexOf(level) >= order.indexOf(this.minLevel);
  }
}
