import { Module } from '@nestjs/common';
import { AuditResolver } from './audit/audit.resolver.js';
import { CaseloadResolver } from './caseload/caseload.resolver.js';
import { CaseloadService } from './caseload/caseload.service.js';
import { ClientAccessService } from './client/client-access.service.js';
import { ClientResolver } from './client/client.resolver.js';
import { ClientService } from './client/client.service.js';
import { FlagEngine } from './flag/flag-engine.service.js';
import { FlagSweepService } from './flag/flag-sweep.service.js';
import { FlagResolver } from './flag/flag.resolver.js';
import { FlagService } from './flag/flag.service.js';
import { GoalResolver } from './goal/goal.resolver.js';
import { HomeworkResolver } from './homework/homework.resolver.js';
import { MeasureResolver } from './measure/measure.resolver.js';
import { MeasureService } from './measure/measure.service.js';
import { MoodResolver } from './mood/mood.resolver.js';
import { RatingLinkService } from './session/rating-link.service.js';
import { SessionResolver } from './session/session.resolver.js';
import { PracticeResolver } from './practice/practice.resolver.js';
import { PortalResolver } from './portal/portal.resolver.js';
import { SummaryService } from './summary/summary.service.js';
import { TimelineResolver } from './timeline/timeline.resolver.js';
import { TimelineService } from './timeline/timeline.service.js';

/** The clinical record: clients, sessions, measures, moods, homework, goals and the flags they raise. */
@Module({
  providers: [
    ClientAccessService,
    ClientService,
    SummaryService,
    FlagService,
    FlagEngine,
    FlagSweepService,
    MeasureService,
    RatingLinkService,
    ClientResolver,
    SessionResolver,
    MeasureResolver,
    MoodResolver,
    HomeworkResolver,
    GoalResolver,
    FlagResolver,
    CaseloadService,
    CaseloadResolver,
    TimelineService,
    TimelineResolver,
    PortalResolver,
    PracticeResolver,
    AuditResolver,
  ],
  exports: [ClientAccessService, FlagEngine, FlagSweepService, SummaryService],
})
export class ClinicalModule {}
