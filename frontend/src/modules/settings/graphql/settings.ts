import { graphql } from '../../../gql';

graphql(`
  fragment PracticeSettingsFields on PracticeSettings {
    name
    defaultTimeZone
    crisisRegion
    flagThresholds {
      key
      value
      defaultValue
    }
  }
`);

export const PRACTICE_SETTINGS_QUERY = graphql(`
  query PracticeSettingsPage {
    practiceSettings {
      ...PracticeSettingsFields
    }
    timeZones
  }
`);

export const UPDATE_PRACTICE_SETTINGS_MUTATION = graphql(`
  mutation UpdatePracticeSettings($input: UpdatePracticeSettingsInput!) {
    updatePracticeSettings(input: $input) {
      ...PracticeSettingsFields
    }
  }
`);
