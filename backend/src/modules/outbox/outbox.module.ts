import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { OutboxResolver } from './outbox.resolver.js';
import { OutboxService } from './outbox.service.js';

/** E-mail written in the caller's transaction and sent by a job with retries (see OutboxService). */
@Module({
  imports: [MailModule],
  providers: [OutboxService, OutboxResolver],
  exports: [OutboxService],
})
export class OutboxModule {}
