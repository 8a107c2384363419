import { useMutation } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { AuthCard } from '../../auth/components/AuthCard';
import { useDocumentTitle } from '../../common/hooks/useDocumentTitle';
import { RESET_PASSWORD_MUTATION } from '../graphql/account';
import { ChoosePasswordForm } from './ChoosePasswordForm';
import { useChoosePassword } from './useChoosePassword';

/** The page a reset e-mail links to: a new password ends every other session and signs in here. */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const { token = '' } = useParams();
  const [reset, { loading }] = useMutation(RESET_PASSWORD_MUTATION);
  const { run, error, linkDead } = useChoosePassword();

  return (
    <AuthCard title="Choose a new password">
      {linkDead ? (
        <div role="alert" data-testid="link-dead">
          <p>This link no longer works: reset links work once, for one hour.</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      ) : (
        <ChoosePasswordForm
          submitLabel="Save password and sign in"
          busyLabel="Saving…"
          busy={loading}
          serverError={error}
          onSubmit={(password) =>
            void run(async () => (await reset({ variables: { input: { token, password } } })).data?.resetPassword)
          }
        />
      )}
    </AuthCard>
  );
}
