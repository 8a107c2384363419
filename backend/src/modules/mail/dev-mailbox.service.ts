import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { AppConfig } from '../../config/app-config.js';
import type { MailboxMessage } from './mail.types.js';

/** The newest messages kept; older ones drop off (development only, in memory). */
const MAILBOX_SIZE = 500;

/**
 * Outside production and without CAIRN_SMTP_URL, a real SMTP server on loopback receives every
 * message the app sends, so development and tests go through the same SMTP path as production.
 */
@Injectable()
export class DevMailbox implements OnModuleInit, OnApplicationShutdown {
  private server?: SMTPServer;
  private port?: number;
  private readonly received: MailboxMessage[] = [];

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !this.config.isProduction && !this.config.smtpUrl;
  }

  /** smtp:// URL of the sink, once it listens. */
  get url(): string | undefined {
    return this.port ? `smtp://127.0.0.1:${this.port}` : undefined;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    // Loaded only where the sink runs: production never carries the SMTP server or the parser.
    const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 2 * 1024 * 1024,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.keep({
              to: session.envelope.rcptTo.map((r) => r.address).join(', ') || addressText(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              sentAt: new Date().toISOString(),
              messageId: parsed.messageId ?? '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Newest first. */
  messages(): MailboxMessage[] {
    return [...this.received].reverse();
  }

  private keep(message: MailboxMessage): void {
    this.received.push(message);
    if (this.received.length > MAILBOX_SIZE) this.received.shift();
  }
}

function addressText(to: AddressObject | AddressObject[] | undefined): string {
  if (!to) return '';
  return (Array.isArray(to) ? to : [to]).map((a) => a.text).join(', ');
}
