import { graphql } from '../../../gql';
import type { ClientTimelineQuery, TherapySessionFieldsFragment } from '../../../gql/graphql';

export type ClientTimeline = ClientTimelineQuery['client'];
export type Episode = ClientTimeline['episodes'][number];
export type ExpectedBand = ClientTimeline['expectedPhq9'][number];
export type WeekAdherence = ClientTimeline['weeklyHomeworkAdherence'][number];
export type TherapySession = TherapySessionFieldsFragment;

graphql(`
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
`);

graphql(`
  fragment EpisodeFields on Episode {
    id
    startedOn
    endedOn
    endReason
  }
`);

graphql(`
  fragment ExpectedBandFields on ExpectedBand {
    sessionNumber
    expected
    lower
    upper
  }
`);

export const CLIENT_TIMELINE_QUERY = graphql(`
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
`);

export const SCHEDULE_SESSION_MUTATION = graphql(`
  mutation ScheduleSession($input: ScheduleSessionInput!) {
    scheduleSession(input: $input) {
      ...TherapySessionFields
    }
  }
`);

export const RECORD_ATTENDANCE_MUTATION = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      ...TherapySessionFields
    }
  }
`);

export const ASSIGN_HOMEWORK_MUTATION = graphql(`
  mutation AssignHomework($input: AssignHomeworkInput!) {
    assignHomework(input: $input) {
      ...HomeworkAssignmentFields
    }
  }
`);

export const SET_GOAL_MUTATION = graphql(`
  mutation SetGoal($input: SetGoalInput!) {
    setGoal(input: $input) {
      ...GoalFields
    }
  }
`);

export const CREATE_RATING_LINK_MUTATION = graphql(`
  mutation CreateRatingLink($sessionId: ID!) {
    createRatingLink(sessionId: $sessionId) {
      url
      expiresAt
    }
  }
`);
