import { gql } from '@apollo/client';
import {
  CRISIS_FIELDS,
  GOAL_FIELDS,
  HOMEWORK_ASSIGNMENT_FIELDS,
  MEASURE_RESPONSE_FIELDS,
  MOOD_ENTRY_FIELDS,
  SCORE_SUMMARY_FIELDS,
} from '../../common/graphql/fragments';
import type {
  CrisisResources,
  Goal,
  GoalRating,
  HomeworkAssignment,
  HomeworkReport,
  HomeworkStatus,
  Instrument,
  MeasureResponse,
  MoodEntry,
  ScoreSummary,
} from '../../common/graphql/types';

export interface Portal {
  __typename?: 'Portal';
  clientId: string;
  code: string;
  timezone: string;
  /** The client's own local date. */
  today: string;
  todayMood: MoodEntry | null;
  /** Instrument codes to fill in now, e.g. ['PHQ9', 'GAD7']. */
  pendingQuestionnaires: string[];
  homework: HomeworkAssignment[];
  goals: Goal[];
  phq9: ScoreSummary;
  gad7: ScoreSummary;
  /** Null when the therapist keeps alliance results to themselves. */
  alliance: MeasureResponse[] | null;
  moods: MoodEntry[];
}

export interface PortalQueryResult {
  portal: Portal;
}
export type PortalQueryVariables = Record<string, never>;

export const PORTAL_QUERY = gql`
  query Portal {
    portal {
      clientId
      code
      timezone
      today
      todayMood {
        ...MoodEntryFields
      }
      pendingQuestionnaires
      homework {
        ...HomeworkAssignmentFields
      }
      goals {
        ...GoalFields
      }
      phq9 {
        ...ScoreSummaryFields
      }
      gad7 {
        ...ScoreSummaryFields
      }
      alliance {
        ...MeasureResponseFields
      }
      moods {
        ...MoodEntryFields
      }
    }
  }
  ${MOOD_ENTRY_FIELDS}
  ${HOMEWORK_ASSIGNMENT_FIELDS}
  ${GOAL_FIELDS}
  ${SCORE_SUMMARY_FIELDS}
  ${MEASURE_RESPONSE_FIELDS}
`;

export interface InstrumentsQueryResult {
  instruments: Instrument[];
}
export type InstrumentsQueryVariables = Record<string, never>;

export const INSTRUMENTS_QUERY = gql`
  query Instruments {
    instruments {
      code
      version
      title
      prompt
      options {
        value
        label
      }
      items {
        id
        text
        min
        max
        minLabel
        maxLabel
      }
    }
  }
`;

export interface LogMoodVariables {
  input: { rating: number; note?: string | null; helpNow?: boolean | null; idempotencyKey: string };
}
export interface LogMoodResult {
  logMood: {
    __typename?: 'MoodSubmission';
    entry: MoodEntry;
    replacedPrevious: boolean;
    crisis: CrisisResources | null;
  };
}
export const LOG_MOOD_MUTATION = gql`
  mutation LogMood($input: LogMoodInput!) {
    logMood(input: $input) {
      entry {
        ...MoodEntryFields
      }
      replacedPrevious
      crisis {
        ...CrisisFields
      }
    }
  }
  ${MOOD_ENTRY_FIELDS}
  ${CRISIS_FIELDS}
`;

export interface ReportHomeworkVariables {
  input: {
    assignmentId: string;
    status: HomeworkStatus;
    effort?: number | null;
    helpfulness?: number | null;
    note?: string | null;
    idempotencyKey: string;
  };
}
export interface ReportHomeworkResult {
  reportHomework: HomeworkReport;
}
export const REPORT_HOMEWORK_MUTATION = gql`
  mutation ReportHomework($input: ReportHomeworkInput!) {
    reportHomework(input: $input) {
      id
      assignmentId
      localDate
      status
      effort
      helpfulness
      note
    }
  }
`;

export interface SubmitQuestionnaireVariables {
  input: { instrumentCode: string; answers: number[]; idempotencyKey: string };
}
export interface SubmitQuestionnaireResult {
  submitQuestionnaire: {
    __typename?: 'QuestionnaireSubmission';
    response: MeasureResponse;
    crisis: CrisisResources | null;
  };
}
export const SUBMIT_QUESTIONNAIRE_MUTATION = gql`
  mutation SubmitQuestionnaire($input: SubmitQuestionnaireInput!) {
    submitQuestionnaire(input: $input) {
      response {
        ...MeasureResponseFields
      }
      crisis {
        ...CrisisFields
      }
    }
  }
  ${MEASURE_RESPONSE_FIELDS}
  ${CRISIS_FIELDS}
`;

export interface RateGoalVariables {
  input: { goalId: string; rating: number; idempotencyKey: string };
}
export interface RateGoalResult {
  rateGoal: GoalRating;
}
export const RATE_GOAL_MUTATION = gql`
  mutation RateGoal($input: RateGoalInput!) {
    rateGoal(input: $input) {
      id
      rating
      ratedAt
    }
  }
`;
