import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MeFieldsFragment } from '../../../gql/graphql';
import { ME_QUERY } from '../../auth/graphql/auth';
import { roleHome } from '../../auth/lib/roleHome';
import { asErrorLike, describeApiError } from '../../common/lib/errors';

/** After a link set a password: the person is signed in; show their home. Refusals become words. */
export function useChoosePassword() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [linkDead, setLinkDead] = useState(false);

  async function run(choose: () => Promise<MeFieldsFragment | null | undefined>) {
    setError(null);
    try {
      const me = await choose();
      if (!me) {
        setError('That did not work. Please try again.');
        return;
      }
      await client.clearStore();
      client.writeQuery({ query: ME_QUERY, data: { me } });
      await navigate(roleHome(me.role), { replace: true });
    } catch (thrown) {
      const described = describeApiError(asErrorLike(thrown));
      if (described?.code === 'NOT_FOUND') setLinkDead(true);
      else setError(described?.message ?? 'That did not work. Please try again.');
    }
  }

  return { run, error, linkDead };
}
