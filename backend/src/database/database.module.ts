import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STATEMENT_OBSERVER } from './tokens.js';
import type { StatementObserver } from './request-db.js';

/** Provides the initialised TypeORM DataSource (connected as the RLS-bound cairn_app role). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(dataSource: DataSource, observer?: StatementObserver): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: STATEMENT_OBSERVER, useValue: observer ?? null },
      ],
      exports: [DataSource, STATEMENT_OBSERVER],
    };
  }
}
