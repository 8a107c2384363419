import { Controller, Get, Header, NotFoundException } from '@nestjs/common';
import { Public } from '../../common/roles.js';
import { DevMailbox } from './dev-mailbox.service.js';
import type { MailboxMessage } from './mail.types.js';

@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailbox) {}

  /** Every e-mail the development SMTP sink received, newest first. 404 in production or with real SMTP. */
  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  list(): MailboxMessage[] {
    if (!this.mailbox.enabled) throw new NotFoundException();
    return this.mailbox.messages();
  }
}
