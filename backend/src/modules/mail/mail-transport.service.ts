import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.js';
import { DevMailbox } from './dev-mailbox.service.js';
import { MailDeliveryError, type OutgoingMail } from './mail.types.js';

/** Bounded waits, so a stalled SMTP server cannot hold a sending job (and its message) for long. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends one e-mail over SMTP (CAIRN_SMTP_URL, or the development mailbox). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly mailbox: DevMailbox,
  ) {}

  /** Resolves once the SMTP server accepted the message; throws MailDeliveryError otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport().sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@cairn.outbox>`,
      });
    } catch (error) {
      throw describeFailure(error);
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  private transport(): Transporter {
    if (!this.transporter) {
      const url = this.config.smtpUrl ?? this.mailbox.url;
      if (!url) throw new MailDeliveryError(true, 'no SMTP server configured');
      this.transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
    }
    return this.transporter;
  }
}

/** Reply code and class only: SMTP reply texts often quote the address. */
export function describeFailure(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') {
    if (responseCode >= 500) return new MailDeliveryError(false, `SMTP ${responseCode}: refused permanently`);
    return new MailDeliveryError(true, `SMTP ${responseCode}: temporarily refused`);
  }
  if (code === 'EAUTH') return new MailDeliveryError(true, 'SMTP authentication failed (check CAIRN_SMTP_URL)');
  if (code === 'EENVELOPE') return new MailDeliveryError(false, 'invalid recipient address');
  return new MailDeliveryError(true, `could not reach the SMTP server${code ? ` (${code})` : ''}`);
}
