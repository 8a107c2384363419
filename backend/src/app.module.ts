import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AccessGuard } from './common/access.guard.js';
import { graphqlOptions } from './common/graphql.js';
import { CairnLogger } from './common/logger.js';
import { AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import type { StatementObserver } from './database/request-db.js';
import { STATEMENT_OBSERVER } from './database/tokens.js';
import { AccountModule } from './modules/account/account.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AuthService } from './modules/auth/auth.service.js';
import { ClinicalModule } from './modules/clinical.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { OutboxModule } from './modules/outbox/outbox.module.js';
import { PracticeSettingsModule } from './modules/practice/practice-settings.module.js';
import { ReportingModule } from './modules/reporting.module.js';
import { StaffModule } from './modules/staff/staff.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  logger: CairnLogger;
  observer?: StatementObserver;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, logger, observer }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(dataSource, observer),
        AuditModule,
        AuthModule,
        HealthModule,
        JobsModule,
        MailModule,
        OutboxModule,
        ClinicalModule,
        ReportingModule,
        AccountModule,
        StaffModule,
        PracticeSettingsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [AuthService, DataSource, STATEMENT_OBSERVER, AuditService],
          useFactory: (auth: AuthService, ds: DataSource, obs: StatementObserver | null, audit: AuditService) =>
            graphqlOptions({ config, dataSource: ds, auth, logger, observer: obs, audit }),
        }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: CairnLogger, useValue: logger },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AppConfig, CairnLogger],
      global: true,
    };
  }
}
