import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { AppShell } from './modules/auth/components/AppShell';
import { RequireRole } from './modules/auth/components/RequireRole';
import { SignInPage } from './modules/auth/components/SignInPage';
import { useMe } from './modules/auth/hooks/useMe';
import { roleHome } from './modules/auth/lib/roleHome';
import { LoadingState } from './modules/common/components/LoadingState';
import type { Role } from './modules/common/graphql/types';

// Each area loads on first visit: a client on a phone never downloads the dashboard's charts.
const CaseloadPage = lazy(() =>
  import('./modules/caseload/components/CaseloadPage').then((m) => ({ default: m.CaseloadPage })),
);
const ClientTimelinePage = lazy(() =>
  import('./modules/client/components/ClientTimelinePage').then((m) => ({ default: m.ClientTimelinePage })),
);
const AcceptInvitationPage = lazy(() =>
  import('./modules/account/components/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./modules/account/components/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const NewClientPage = lazy(() =>
  import('./modules/clients-admin/components/NewClientPage').then((m) => ({ default: m.NewClientPage })),
);
const PracticeSettingsPage = lazy(() =>
  import('./modules/settings/components/PracticeSettingsPage').then((m) => ({ default: m.PracticeSettingsPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./modules/account/components/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const StaffPage = lazy(() => import('./modules/staff/components/StaffPage').then((m) => ({ default: m.StaffPage })));
const FlagsPage = lazy(() => import('./modules/flags/components/FlagsPage').then((m) => ({ default: m.FlagsPage })));
// Development only: the server answers its /dev/mailbox with 404 in production, and the page says so.
const MailboxPage = lazy(() =>
  import('./modules/mailbox/components/MailboxPage').then((m) => ({ default: m.MailboxPage })),
);
const PortalPage = lazy(() =>
  import('./modules/portal/components/PortalPage').then((m) => ({ default: m.PortalPage })),
);
const RatingPage = lazy(() =>
  import('./modules/rating/components/RatingPage').then((m) => ({ default: m.RatingPage })),
);
const ReportsPage = lazy(() =>
  import('./modules/reports/components/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);
const TherapistsPage = lazy(() =>
  import('./modules/therapists/components/TherapistsPage').then((m) => ({ default: m.TherapistsPage })),
);

const STAFF: readonly Role[] = ['THERAPIST', 'MANAGER'];
const EVERYONE: readonly Role[] = ['THERAPIST', 'MANAGER', 'CLIENT'];

function page(roles: readonly Role[], element: ReactNode) {
  return (
    <RequireRole roles={roles}>
      <Suspense fallback={<LoadingState />}>{element}</Suspense>
    </RequireRole>
  );
}

/** A page anyone may open (a one-time link, the forgot-password form). */
function publicPage(element: ReactNode) {
  return <Suspense fallback={<LoadingState />}>{element}</Suspense>;
}

function HomeRedirect() {
  const { me, loading } = useMe();
  if (loading) return <LoadingState />;
  return <Navigate to={me ? roleHome(me.role) : '/login'} replace />;
}

function NotFound() {
  return (
    <main className="page" id="main">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </main>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<SignInPage />} />
        <Route
          path="/rate/:token"
          element={
            <Suspense fallback={<LoadingState />}>
              <RatingPage />
            </Suspense>
          }
        />
        <Route
          path="/mailbox"
          element={
            <Suspense fallback={<LoadingState />}>
              <MailboxPage />
            </Suspense>
          }
        />
        <Route path="/invitation/:token" element={publicPage(<AcceptInvitationPage />)} />
        <Route path="/forgot-password" element={publicPage(<ForgotPasswordPage />)} />
        <Route path="/reset-password/:token" element={publicPage(<ResetPasswordPage />)} />
        <Route path="/" element={<HomeRedirect />} />
        <Route
          element={
            <RequireRole roles={EVERYONE}>
              <AppShell />
            </RequireRole>
          }
        >
          <Route path="/caseload" element={page(STAFF, <CaseloadPage />)} />
          <Route path="/clients/new" element={page(STAFF, <NewClientPage />)} />
          <Route path="/clients/:id" element={page(STAFF, <ClientTimelinePage />)} />
          <Route path="/flags" element={page(STAFF, <FlagsPage />)} />
          <Route path="/reports" element={page(['MANAGER'], <ReportsPage />)} />
          <Route path="/therapists" element={page(['MANAGER'], <TherapistsPage />)} />
          <Route path="/staff" element={page(['MANAGER'], <StaffPage />)} />
          <Route path="/settings" element={page(['MANAGER'], <PracticeSettingsPage />)} />
          <Route path="/portal" element={page(['CLIENT'], <PortalPage />)} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  );
}
