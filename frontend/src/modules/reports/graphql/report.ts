import { graphql } from '../../../gql';
import type { OutcomeFiguresFieldsFragment, PracticeReportQuery, RateFieldsFragment } from '../../../gql/graphql';

/** The instruments a report can be drawn for (a choice of the filters, not a GraphQL type). */
export type ReportInstrument = 'PHQ9' | 'GAD7';

/** A proportion with its Wilson 95% interval; rate, lower and upper are null when the denominator is 0. */
export type Rate = RateFieldsFragment;
/** On a therapist row with insufficient data every rate and mean is null; the counts stay. */
export type OutcomeFigures = OutcomeFiguresFieldsFragment;
export type PracticeReport = PracticeReportQuery['practiceReport'];
export type TherapistOutcome = PracticeReport['therapists'][number];
export type Funnel = PracticeReport['funnel'];
export type FunnelLimit = Funnel['limits'][number];
export type FunnelPoint = Funnel['points'][number];

graphql(`
  fragment RateFields on Rate {
    numerator
    denominator
    rate
    lower
    upper
  }
`);

graphql(`
  fragment OutcomeFiguresFields on OutcomeFigures {
    referrals
    episodesEnded
    finishedCourses
    finishedEpisodes
    atCaseness
    instrument
    changeEpisodes
    allianceRatings
    homeworkEpisodes
    recovery {
      ...RateFields
    }
    reliableImprovement {
      ...RateFields
    }
    reliableRecovery {
      ...RateFields
    }
    reliableDeterioration {
      ...RateFields
    }
    phq9Response {
      ...RateFields
    }
    phq9Remission {
      ...RateFields
    }
    dataCompleteness {
      ...RateFields
    }
    allianceRated {
      ...RateFields
    }
    meanChange
    effectSize
    meanAttendedSessions
    allianceMean
    homeworkAdherence
    moodAdherence
  }
`);

export const PRACTICE_REPORT_QUERY = graphql(`
  query PracticeReport($input: PracticeReportInput!) {
    practiceReport(input: $input) {
      from
      to
      practice {
        ...OutcomeFiguresFields
      }
      therapists {
        therapistId
        therapistName
        insufficientData
        figures {
          ...OutcomeFiguresFields
        }
      }
      funnel {
        practiceRate
        points {
          therapistId
          n
          rate
        }
        limits {
          n
          lower95
          upper95
          lower998
          upper998
        }
      }
    }
  }
`);
