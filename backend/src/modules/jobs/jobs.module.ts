import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service.js';

/** The PostgreSQL job queue, available to every module that has work to do outside a request. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
