import type { Role } from '../../common/graphql/types';

/** Where each role lands after signing in. */
export function roleHome(role: Role): string {
  switch (role) {
    case 'THERAPIST':
      return '/caseload';
    case 'MANAGER':
      return '/reports';
    case 'CLIENT':
      return '/portal';
  }
}

/** A `next` path is honoured only if it is ours (no protocol-relative or absolute URLs). */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export const ROLE_ROUTES: Record<Role, readonly string[]> = {
  THERAPIST: ['/caseload', '/clients', '/flags'],
  MANAGER: ['/reports', '/therapists', '/caseload', '/clients', '/flags', '/staff', '/settings'],
  CLIENT: ['/portal'],
};

export function pathAllowedForRole(path: string, role: Role): boolean {
  return ROLE_ROUTES[role].some(
    (prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
  );
}
