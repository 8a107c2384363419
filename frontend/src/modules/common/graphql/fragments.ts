import { graphql } from '../../../gql';

export const SCORE_SUMMARY_FIELDS = graphql(`
  fragment ScoreSummaryFields on ScoreSummary {
    instrumentCode
    baseline
    latest
    latestAt
    change
    changeClass
    band
    isCase
    points {
      at
      sessionNumber
      total
    }
  }
`);

export const MEASURE_RESPONSE_FIELDS = graphql(`
  fragment MeasureResponseFields on MeasureResponse {
    id
    instrumentCode
    answers
    total
    band
    submittedAt
    sessionId
    sessionNumber
    comment
    helpNow
  }
`);

export const MOOD_ENTRY_FIELDS = graphql(`
  fragment MoodEntryFields on MoodEntry {
    id
    localDate
    rating
    note
    helpNow
  }
`);

export const HOMEWORK_ASSIGNMENT_FIELDS = graphql(`
  fragment HomeworkAssignmentFields on HomeworkAssignment {
    id
    title
    instructions
    frequency
    assignedOn
    dueOn
    reports {
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

export const GOAL_FIELDS = graphql(`
  fragment GoalFields on Goal {
    id
    title
    status
    ratings {
      id
      rating
      ratedAt
    }
  }
`);

export const CRISIS_FIELDS = graphql(`
  fragment CrisisFields on CrisisResources {
    message
    lines {
      name
      phone
      text
      url
      description
    }
  }
`);
