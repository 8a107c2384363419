import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ClinicalModule } from '../clinical.module.js';
import { StaffResolver } from './staff.resolver.js';
import { StaffService } from './staff.service.js';

/** The practice's people: invitations, deactivation, client transfers (managers). */
@Module({
  imports: [AccountModule, AuthModule, ClinicalModule],
  providers: [StaffService, StaffResolver],
})
export class StaffModule {}
