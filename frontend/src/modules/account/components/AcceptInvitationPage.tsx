import { useMutation } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { AuthCard } from '../../auth/components/AuthCard';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { ACCEPT_INVITATION_MUTATION } from '../graphql/account';
import { ChoosePasswordForm } from './ChoosePasswordForm';
import { useChoosePassword } from './useChoosePassword';

/** The page an invitation e-mail links to: choose a password, then land signed in. */
export function AcceptInvitationPage() {
  useDocumentTitle('Set up your account');
  const { token = '' } = useParams();
  const [accept, { loading }] = useMutation(ACCEPT_INVITATION_MUTATION);
  const { run, error, linkDead } = useChoosePassword();

  return (
    <AuthCard title="Set up your account">
      {linkDead ? (
        <div role="alert" data-testid="link-dead">
          <p>This link no longer works: it may have been used already, replaced by a newer one, or expired.</p>
          <p>Ask the person who invited you to send a new invitation.</p>
          <p>
            <Link to="/login">Go to sign in</Link>
          </p>
        </div>
      ) : (
        <ChoosePasswordForm
          submitLabel="Set password and sign in"
          busyLabel="Setting up…"
          busy={loading}
          serverError={error}
          onSubmit={(password) =>
            void run(async () => (await accept({ variables: { input: { token, password } } })).data?.acceptInvitation)
          }
        />
      )}
    </AuthCard>
  );
}
