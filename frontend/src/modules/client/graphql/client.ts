import { gql } from '@apollo/client';
import { print, type DocumentNode } from 'graphql';
import * as generated from '../../common/graphql/fragments';
import type {
  Goal,
  HomeworkAssignment,
  HomeworkFrequency,
  MeasureResponse,
  MoodEntry,
  ScoreSummary,
  SessionStatus,
  TrajectorySignal,
} from '../../common/graphql/types';
import { FLAG_FIELDS, type Flag } from '../../flags/graphql/flags';

// Generated documents carry no source location, which gql`` needs to splice a fragment in: re-parse them.
const spliceable = (doc: DocumentNode) => gql(print(doc));
const GOAL_FIELDS = spliceable(generated.GOAL_FIELDS);
const HOMEWORK_ASSIGNMENT_FIELDS = spliceable(generated.HOMEWORK_ASSIGNMENT_FIELDS);
const MEASURE_RESPONSE_FIELDS = spliceable(generated.MEASURE_RESPONSE_FIELDS);
const MOOD_ENTRY_FIELDS = spliceable(generated.MOOD_ENTRY_FIELDS);
const SCORE_SUMMARY_FIELDS = spliceable(generated.SCORE_SUMMARY_FIELDS);

export interface Episode {
  __typename?: 'Episode';
  id: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
}

export interface TherapySession {
  __typename?: 'TherapySession';
  id: string;
  scheduledAt: string;
  durationMinutes: number;
  number: number;
  status: SessionStatus;
  alliance: MeasureResponse | null;
}

export interface ExpectedBand {
  __typename?: 'ExpectedBand';
  sessionNumber: number;
  expected: number;
  lower: number;
  upper: number;
}

export interface WeekAdherence {
  __typename?: 'WeekAdherence';
  weekStart: string;
  adherence: number | null;
}

export interface ClientTimeline {
  __typename?: 'ClientTimeline';
  id: string;
  code: string;
  displayName: string | null;
  timezone: string;
  status: string;
  therapistName: string;
  shareAllianceWithClient: boolean;
  episode: Episode | null;
  episodes: Episode[];
  phq9: ScoreSummary;
  gad7: ScoreSummary;
  expectedPhq9: ExpectedBand[];
  expectedGad7: ExpectedBand[];
  trajectorySignal: TrajectorySignal;
  measures: MeasureResponse[];
  alliance: MeasureResponse[];
  moods: MoodEntry[];
  homework: HomeworkAssignment[];
  weeklyHomeworkAdherence: WeekAdherence[];
  goals: Goal[];
  sessions: TherapySession[];
  flags: Flag[];
}

export interface ClientTimelineQueryResult {
  client: ClientTimeline;
}
export interface ClientTimelineQueryVariables {
  id: string;
}

const SESSION_FIELDS = gql`
  fragment TherapySessionFields on TherapySession {
    id
    scheduledAt
    durationMinutes
    number
    status
    alliance {
      ...MeasureResponseFields
    }
  }
  ${MEASURE_RESPONSE_FIELDS}
`;

const EPISODE_FIELDS = gql`
  fragment EpisodeFields on Episode {
    id
    startedOn
    endedOn
    endReason
  }
`;

const EXPECTED_BAND_FIELDS = gql`
  fragment ExpectedBandFields on ExpectedBand {
    sessionNumber
    expected
    lower
    upper
  }
`;

export const CLIENT_TIMELINE_QUERY = gql`
  query ClientTimeline($id: ID!) {
    client(id: $id) {
      id
      code
      displayName
      timezone
      status
      therapistName
      shareAllianceWithClient
      episode {
        ...EpisodeFields
      }
      episodes {
        ...EpisodeFields
      }
      phq9 {
        ...ScoreSummaryFields
      }
      gad7 {
        ...ScoreSummaryFields
      }
      expectedPhq9 {
        ...ExpectedBandFields
      }
      expectedGad7 {
        ...ExpectedBandFields
      }
      trajectorySignal
      measures {
        ...MeasureResponseFields
      }
      alliance {
        ...MeasureResponseFields
      }
      moods {
        ...MoodEntryFields
      }
      homework {
        ...HomeworkAssignmentFields
      }
      weeklyHomeworkAdherence {
        weekStart
        adherence
      }
      goals {
        ...GoalFields
      }
      sessions {
        ...TherapySessionFields
      }
      flags {
        ...FlagFields
      }
    }
  }
  ${EPISODE_FIELDS}
  ${SCORE_SUMMARY_FIELDS}
  ${EXPECTED_BAND_FIELDS}
  ${MEASURE_RESPONSE_FIELDS}
  ${MOOD_ENTRY_FIELDS}
  ${HOMEWORK_ASSIGNMENT_FIELDS}
  ${GOAL_FIELDS}
  ${SESSION_FIELDS}
  ${FLAG_FIELDS}
`;

export interface ScheduleSessionVariables {
  input: { clientId: string; scheduledAt: string; durationMinutes?: number | null };
}
export interface ScheduleSessionResult {
  scheduleSession: TherapySession;
}
export const SCHEDULE_SESSION_MUTATION = gql`
  mutation ScheduleSession($input: ScheduleSessionInput!) {
    scheduleSession(input: $input) {
      ...TherapySessionFields
    }
  }
  ${SESSION_FIELDS}
`;

export interface RecordAttendanceVariables {
  input: { sessionId: string; status: SessionStatus };
}
export interface RecordAttendanceResult {
  recordAttendance: TherapySession;
}
export const RECORD_ATTENDANCE_MUTATION = gql`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      ...TherapySessionFields
    }
  }
  ${SESSION_FIELDS}
`;

export interface AssignHomeworkVariables {
  input: {
    clientId: string;
    title: string;
    instructions?: string | null;
    frequency: HomeworkFrequency;
    dueOn?: string | null;
  };
}
export interface AssignHomeworkResult {
  assignHomework: HomeworkAssignment;
}
export const ASSIGN_HOMEWORK_MUTATION = gql`
  mutation AssignHomework($input: AssignHomeworkInput!) {
    assignHomework(input: $input) {
      ...HomeworkAssignmentFields
    }
  }
  ${HOMEWORK_ASSIGNMENT_FIELDS}
`;

export interface SetGoalVariables {
  input: { clientId: string; title: string };
}
export interface SetGoalResult {
  setGoal: Goal;
}
export const SET_GOAL_MUTATION = gql`
  mutation SetGoal($input: SetGoalInput!) {
    setGoal(input: $input) {
      ...GoalFields
    }
  }
  ${GOAL_FIELDS}
`;

export interface CreateRatingLinkVariables {
  sessionId: string;
}
export interface CreateRatingLinkResult {
  createRatingLink: { __typename?: 'RatingLinkCreated'; url: string; expiresAt: string };
}
export const CREATE_RATING_LINK_MUTATION = gql`
  mutation CreateRatingLink($sessionId: ID!) {
    createRatingLink(sessionId: $sessionId) {
      url
      expiresAt
    }
  }
`;
