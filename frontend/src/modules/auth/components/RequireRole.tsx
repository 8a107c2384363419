import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../common/components/ErrorState';
import { LoadingState } from '../../common/components/LoadingState';
import type { Role } from '../../common/graphql/types';
import { useMe } from '../hooks/useMe';
import { roleHome } from '../lib/roleHome';

/** Renders its children only for a signed-in person of one of the roles; others are sent on. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me, loading, error } = useMe();
  const location = useLocation();
  if (loading) return <LoadingState />;
  if (error && !me) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(me.role)) return <Navigate to={roleHome(me.role)} replace />;
  return <>{children}</>;
}
