// The contract's types under the names the components use, all generated from the schema
// (src/gql, `npm run codegen`); nothing here is typed by hand. A local date is 'YYYY-MM-DD'.
import type {
  CaseloadQuery,
  CrisisFieldsFragment,
  GoalFieldsFragment,
  HomeworkAssignmentFieldsFragment,
  InstrumentsQuery,
  MeasureResponseFieldsFragment,
  MoodEntryFieldsFragment,
  ScoreSummaryFieldsFragment,
} from '../../../gql/graphql';

export type {
  ChangeClass,
  HomeworkFrequency,
  HomeworkStatus,
  Role,
  SessionStatus,
  TrajectorySignal,
} from '../../../gql/graphql';

export type DateTime = string;
export type LocalDate = string;

export type ScoreSummary = ScoreSummaryFieldsFragment;
export type ScorePoint = ScoreSummary['points'][number];
export type MoodSummary = CaseloadQuery['caseload'][number]['mood'];
export type MoodPoint = MoodSummary['points'][number];
export type AllianceSummary = CaseloadQuery['caseload'][number]['alliance'];
export type MeasureResponse = MeasureResponseFieldsFragment;
export type MoodEntry = MoodEntryFieldsFragment;
export type HomeworkAssignment = HomeworkAssignmentFieldsFragment;
export type HomeworkReport = HomeworkAssignment['reports'][number];
export type Goal = GoalFieldsFragment;
export type GoalRating = Goal['ratings'][number];
export type CrisisResources = CrisisFieldsFragment;
export type CrisisLine = CrisisResources['lines'][number];
export type Instrument = InstrumentsQuery['instruments'][number];
export type InstrumentItem = Instrument['items'][number];
export type InstrumentOption = Instrument['options'][number];
