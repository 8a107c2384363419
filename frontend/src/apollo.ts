import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { reportSessionExpired } from './modules/auth/lib/sessionEvents';

// Same origin as the app: the session cookie rides along, and the header satisfies the server's
// CSRF prevention (it forces a CORS preflight for any cross-site attempt).
const httpLink = new HttpLink({
  uri: '/graphql',
  credentials: 'same-origin',
  headers: { 'apollo-require-preflight': 'true' },
});

const PUBLIC_OPERATIONS = new Set(['Me', 'Login', 'RatingLink', 'SubmitAllianceRating']);

const sessionLink = new ErrorLink(({ error, operation }) => {
  if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return;
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    reportSessionExpired();
  }
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([sessionLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        // Rows and summaries have no id of their own: keep them under their parent and merge.
        CaseloadRow: { keyFields: ['clientId'] },
        Portal: { keyFields: ['clientId'] },
        ClientTimeline: { keyFields: ['id'] },
        ScoreSummary: { keyFields: false, merge: true },
        MoodSummary: { keyFields: false, merge: true },
        AllianceSummary: { keyFields: false, merge: true },
        // Item ids are unique only within an instrument.
        Instrument: { keyFields: ['code', 'version'] },
        InstrumentItem: { keyFields: false },
        RatingLinkInfo: { keyFields: false },
        // A report has no id: it lives under its query arguments and is replaced whole on refetch.
        PracticeReport: { keyFields: false, merge: true },
        OutcomeFigures: { keyFields: false, merge: true },
        Funnel: { keyFields: false, merge: true },
        Rate: { keyFields: false, merge: true },
        TherapistOutcome: { keyFields: false },
      },
    }),
  });
}
