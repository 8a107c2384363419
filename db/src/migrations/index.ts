import { InitialSchema1763700000000 } from './1763700000000-InitialSchema.js';
import { PracticeDirectory1763800000000 } from './1763800000000-PracticeDirectory.js';
import { AuthenticateInOneCall1763900000000 } from './1763900000000-AuthenticateInOneCall.js';
import { EpisodeOutcome1764000000000 } from './1764000000000-EpisodeOutcome.js';
import { SessionNumbersInDateOrder1765100000000 } from './1765100000000-SessionNumbersInDateOrder.js';
import { RiskFromResponsesOutsideEpisodes1765100000100 } from './1765100000100-RiskFromResponsesOutsideEpisodes.js';
import { EpisodeOutcomePairedOccasions1765200000000 } from './1765200000000-EpisodeOutcomePairedOccasions.js';
import { EpisodeOutcomeHomeworkCredit1765200000001 } from './1765200000001-EpisodeOutcomeHomeworkCredit.js';
import { FlagLifecycle1765300000000 } from './1765300000000-FlagLifecycle.js';
import { ClinicalDataIntegrity1765400000000 } from './1765400000000-ClinicalDataIntegrity.js';
import { Outbox1765500000000 } from './1765500000000-Outbox.js';
import { OutboxAttention1765500100000 } from './1765500100000-OutboxAttention.js';
import { TamperEvidentAudit1765600000000 } from './1765600000000-TamperEvidentAudit.js';
import { SharedLimitsAndTimeouts1765610000000 } from './1765610000000-SharedLimitsAndTimeouts.js';
import { Accounts1765700000000 } from './1765700000000-Accounts.js';

// Listed explicitly (not globbed) so the same list works from src under jest and from dist.
export const migrations = [
  InitialSchema1763700000000,
  PracticeDirectory1763800000000,
  AuthenticateInOneCall1763900000000,
  EpisodeOutcome1764000000000,
  SessionNumbersInDateOrder1765100000000,
  RiskFromResponsesOutsideEpisodes1765100000100,
  EpisodeOutcomePairedOccasions1765200000000,
  EpisodeOutcomeHomeworkCredit1765200000001,
  FlagLifecycle1765300000000,
  ClinicalDataIntegrity1765400000000,
  Outbox1765500000000,
  OutboxAttention1765500100000,
  TamperEvidentAudit1765600000000,
  SharedLimitsAndTimeouts1765610000000,
  Accounts1765700000000,
];
