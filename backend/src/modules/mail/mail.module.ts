import { Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevMailbox } from './dev-mailbox.service.js';
import { MailTransport } from './mail-transport.service.js';

/** E-mail over SMTP, and in development an in-process SMTP sink with GET /dev/mailbox. */
@Module({
  controllers: [DevMailboxController],
  providers: [DevMailbox, MailTransport],
  exports: [DevMailbox, MailTransport],
})
export class MailModule {}
