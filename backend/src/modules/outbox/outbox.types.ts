import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** A message to write to the outbox (see OutboxService.enqueue). No clinical content, ever. */
export interface OutboxMessageInput {
  /** What the message is for, in capitals, e.g. STAFF_INVITATION or PASSWORD_RESET (managers see it). */
  kind: string;
  /** One e-mail address. */
  to: string;
  subject: string;
  /** Plain-text part. */
  text: string;
  /** HTML part (escape anything interpolated). */
  html: string;
  /**
   * Unique within the practice: the same key writes, and so sends, the message once (e.g.
   * `invitation:<id>`, `password-reset:<token id>`). A retried request or a second instance that
   * enqueues it again gets the first one back.
   */
  dedupeKey: string;
  /** The user whose action caused it, if any. */
  createdBy?: string | null;
}

export interface EnqueuedMessage {
  id: string;
  /** False when a message with this dedupeKey already existed (nothing new was written). */
  created: boolean;
}

@ObjectType({ description: 'An e-mail the practice could not deliver, with why (managers only).' })
export class OutboxFailure {
  @Field(() => ID) id!: string;
  @Field({ description: 'What the message was for, e.g. STAFF_INVITATION.' }) kind!: string;
  @Field({ description: 'The recipient, partly hidden (first letter and domain).' }) recipientHint!: string;
  @Field({ description: 'SMTP reply code and class of the last attempt; never content.' }) reason!: string;
  @Field(() => Int) attempts!: number;
  @Field() createdAt!: Date;
  @Field() failedAt!: Date;
}
