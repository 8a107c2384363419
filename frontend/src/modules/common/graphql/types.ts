// Hand-written types for the GraphQL contract (codegen is not available here). Names and shapes
// follow the schema; DateTime is an ISO string, a local date is 'YYYY-MM-DD'.

export type Role = 'MANAGER' | 'THERAPIST' | 'CLIENT';
export type ChangeClass = 'RELIABLE_IMPROVEMENT' | 'NO_RELIABLE_CHANGE' | 'RELIABLE_DETERIORATION';
export type TrajectorySignal = 'WHITE' | 'GREEN' | 'YELLOW' | 'RED';
export type SessionStatus = 'SCHEDULED' | 'ATTENDED' | 'CANCELLED' | 'NO_SHOW';
export type HomeworkStatus = 'DONE' | 'PARTIAL' | 'NOT_DONE';
export type HomeworkFrequency = 'ONCE' | 'DAILY' | 'WEEKLY';

export type DateTime = string;
export type LocalDate = string;

export interface ScorePoint {
  __typename?: 'ScorePoint';
  at: DateTime;
  sessionNumber: number | null;
  total: number;
}

export interface ScoreSummary {
  __typename?: 'ScoreSummary';
  instrumentCode: string;
  baseline: number | null;
  latest: number | null;
  latestAt: DateTime | null;
  change: number | null;
  changeClass: ChangeClass | null;
  band: string | null;
  isCase: boolean | null;
  points: ScorePoint[];
}

export interface MoodPoint {
  __typename?: 'MoodPoint';
  date: LocalDate;
  rating: number;
}

export interface MoodSummary {
  __typename?: 'MoodSummary';
  mean7: number | null;
  mean28: number | null;
  slope28: number | null;
  rmssd28: number | null;
  adherence28: number | null;
  points: MoodPoint[];
}

export interface AllianceSummary {
  __typename?: 'AllianceSummary';
  latest: number | null;
  latestAt: DateTime | null;
  previousMean: number | null;
  trend: number | null;
}

export interface MeasureResponse {
  __typename?: 'MeasureResponse';
  id: string;
  instrumentCode: string;
  answers: number[];
  total: number;
  band: string | null;
  submittedAt: DateTime;
  sessionId: string | null;
  sessionNumber: number | null;
  comment: string | null;
  helpNow: boolean;
}

export interface MoodEntry {
  __typename?: 'MoodEntry';
  id: string;
  localDate: LocalDate;
  rating: number;
  note: string | null;
  helpNow: boolean;
}

export interface HomeworkReport {
  __typename?: 'HomeworkReport';
  id: string;
  assignmentId: string;
  localDate: LocalDate;
  status: HomeworkStatus;
  effort: number | null;
  helpfulness: number | null;
  note: string | null;
}

export interface HomeworkAssignment {
  __typename?: 'HomeworkAssignment';
  id: string;
  title: string;
  instructions: string | null;
  frequency: HomeworkFrequency;
  assignedOn: LocalDate;
  dueOn: LocalDate | null;
  reports: HomeworkReport[];
}

export interface GoalRating {
  __typename?: 'GoalRating';
  id: string;
  rating: number;
  ratedAt: DateTime;
}

export interface Goal {
  __typename?: 'Goal';
  id: string;
  title: string;
  status: string;
  ratings: GoalRating[];
}

export interface CrisisLine {
  __typename?: 'CrisisLine';
  name: string;
  phone: string | null;
  text: string | null;
  url: string | null;
  /** Beyond the contract (the backend sends it): how and when to use the line. */
  description: string | null;
}

export interface CrisisResources {
  __typename?: 'CrisisResources';
  message: string;
  lines: CrisisLine[];
}

export interface InstrumentItem {
  __typename?: 'InstrumentItem';
  id: string;
  text: string;
  min: number;
  max: number;
  minLabel: string | null;
  maxLabel: string | null;
}

export interface InstrumentOption {
  __typename?: 'InstrumentOption';
  value: number;
  label: string;
}

export interface Instrument {
  __typename?: 'Instrument';
  code: string;
  version: string;
  title: string;
  /** Beyond the contract (the backend sends it): the question stem. */
  prompt: string | null;
  /** Beyond the contract (the backend sends it): labelled answers shared by every item. */
  options: InstrumentOption[];
  items: InstrumentItem[];
}
