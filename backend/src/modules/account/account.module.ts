import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ClinicalModule } from '../clinical.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { AccountTokens } from './account-tokens.service.js';
import { AccountResolver } from './account.resolver.js';
import { AccountService } from './account.service.js';

/** Passwords, one-time links (invitations, resets) and clients' portal sign-ins. */
@Module({
  imports: [AuthModule, ClinicalModule, OutboxModule],
  providers: [AccountTokens, AccountService, AccountResolver],
  exports: [AccountTokens, AccountService],
})
export class AccountModule {}
