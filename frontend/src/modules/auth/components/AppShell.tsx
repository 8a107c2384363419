import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { ME_QUERY } from '../graphql/auth';
import { useMe } from '../hooks/useMe';
import { useSignOut } from '../hooks/useSignOut';
import { onSessionExpired } from '../lib/sessionEvents';
import type { Role } from '../../common/graphql/types';
import { CairnMark } from './CairnMark';
import './auth.css';

const NAV: Record<Role, { to: string; label: string }[]> = {
  THERAPIST: [
    { to: '/caseload', label: 'Caseload' },
    { to: '/flags', label: 'Flags' },
  ],
  // A manager has no caseload of their own; therapists' caseloads open from Therapists and Reports.
  MANAGER: [
    { to: '/reports', label: 'Reports' },
    { to: '/therapists', label: 'Therapists' },
    { to: '/flags', label: 'Flags' },
    { to: '/staff', label: 'Staff' },
    { to: '/settings', label: 'Settings' },
  ],
  CLIENT: [{ to: '/portal', label: 'My check-in' }],
};

/** The signed-in frame: header with role-aware navigation and sign out, then the page. */
export function AppShell() {
  const { me } = useMe();
  const { signOut, signingOut } = useSignOut();
  const client = useApolloClient();
  const navigate = useNavigate();

  useEffect(
    () =>
      onSessionExpired(() => {
        void client.clearStore().then(() => {
          client.writeQuery({ query: ME_QUERY, data: { me: null } });
          return navigate('/login', { replace: true, state: { expired: true } });
        });
      }),
    [client, navigate],
  );

  const links = me ? NAV[me.role] : [];
  return (
    <div className={`shell${me?.role === 'CLIENT' ? ' shell--client' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <div className="shell__bar">
          <span className="shell__brand">
            <CairnMark />
            <span>Cairn</span>
            {me && <span className="shell__practice">{me.practiceName}</span>}
          </span>
          <nav aria-label="Main" className="shell__nav">
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} className={({ isActive }) => `shell__link${isActive ? ' is-active' : ''}`}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="shell__user">
            {me && (
              <span className="shell__name" title={me.email}>
                {me.displayName}
              </span>
            )}
            <button type="button" className="button button--quiet" onClick={() => void signOut()} disabled={signingOut}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
