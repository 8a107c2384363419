import { gql } from '@apollo/client';

export type ReportInstrument = 'PHQ9' | 'GAD7';

/** A proportion with its Wilson 95% interval; rate, lower and upper are null when the denominator is 0. */
export interface Rate {
  __typename?: 'Rate';
  numerator: number;
  denominator: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Outcomes over episodes that ended in the period (NHS Talking Therapies definitions). On a
 * therapist row with insufficient data every rate and mean is null; the counts stay.
 */
export interface OutcomeFigures {
  __typename?: 'OutcomeFigures';
  referrals: number;
  episodesEnded: number;
  finishedCourses: number;
  finishedEpisodes: number;
  atCaseness: number;
  instrument: string;
  changeEpisodes: number;
  allianceRatings: number;
  homeworkEpisodes: number;
  recovery: Rate | null;
  reliableImprovement: Rate | null;
  reliableRecovery: Rate | null;
  reliableDeterioration: Rate | null;
  phq9Response: Rate | null;
  phq9Remission: Rate | null;
  dataCompleteness: Rate | null;
  allianceRated: Rate | null;
  meanChange: number | null;
  effectSize: number | null;
  meanAttendedSessions: number | null;
  allianceMean: number | null;
  homeworkAdherence: number | null;
  moodAdherence: number | null;
}

export interface TherapistOutcome {
  __typename?: 'TherapistOutcome';
  therapistId: string;
  therapistName: string;
  /** Fewer than 15 finished episodes: rates are not shown. */
  insufficientData: boolean;
  figures: OutcomeFigures;
}

/** Control limits around the practice rate at n episodes. */
export interface FunnelLimit {
  __typename?: 'FunnelLimit';
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** One therapist's recovery rate against their number of finished episodes at caseness. */
export interface FunnelPoint {
  __typename?: 'FunnelPoint';
  therapistId: string;
  n: number;
  rate: number;
}

export interface Funnel {
  __typename?: 'Funnel';
  practiceRate: number | null;
  points: FunnelPoint[];
  limits: FunnelLimit[];
}

export interface PracticeReport {
  __typename?: 'PracticeReport';
  from: string;
  to: string;
  /** The whole practice, whatever therapistIds selects. */
  practice: OutcomeFigures;
  therapists: TherapistOutcome[];
  funnel: Funnel;
}

export interface PracticeReportInput {
  from: string;
  to: string;
  therapistIds?: string[] | null;
  instrument?: ReportInstrument | null;
}

export interface PracticeReportQueryResult {
  practiceReport: PracticeReport;
}
export interface PracticeReportQueryVariables {
  input: PracticeReportInput;
}

const RATE_FIELDS = gql`
  fragment RateFields on Rate {
    numerator
    denominator
    rate
    lower
    upper
  }
`;

const OUTCOME_FIGURES_FIELDS = gql`
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
  ${RATE_FIELDS}
`;

export const PRACTICE_REPORT_QUERY = gql`
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
  ${OUTCOME_FIGURES_FIELDS}
`;
