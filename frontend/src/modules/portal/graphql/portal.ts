import { graphql } from '../../../gql';
import type { PortalQuery } from '../../../gql/graphql';

export type Portal = PortalQuery['portal'];

export const PORTAL_QUERY = graphql(`
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
`);

export const INSTRUMENTS_QUERY = graphql(`
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
`);

export const LOG_MOOD_MUTATION = graphql(`
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
`);

export const REPORT_HOMEWORK_MUTATION = graphql(`
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
`);

export const SUBMIT_QUESTIONNAIRE_MUTATION = graphql(`
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
`);

export const RATE_GOAL_MUTATION = graphql(`
  mutation RateGoal($input: RateGoalInput!) {
    rateGoal(input: $input) {
      id
      rating
      ratedAt
    }
  }
`);
