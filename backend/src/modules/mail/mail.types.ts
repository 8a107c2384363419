/** One e-mail as the outbox hands it to the transport. */
export interface OutgoingMail {
  /** The outbox message's id: becomes the Message-ID, so a receiver can recognise a resend. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** One message as the development mailbox received it over SMTP (GET /dev/mailbox). */
export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
  messageId: string;
}

/** A refusal or failure of the SMTP conversation, described without addresses or content. */
export class MailDeliveryError extends Error {
  constructor(
    /** Worth trying again later (4xx replies, connection trouble), or refused for good (5xx). */
    readonly temporary: boolean,
    /** What a manager sees: reply code and class, e.g. "SMTP 451: temporarily refused". */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'MailDeliveryError';
  }
}
