import { SetMetadata } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MANAGER = 'MANAGER',
  THERAPIST = 'THERAPIST',
  CLIENT = 'CLIENT',
}
registerEnumType(Role, { name: 'Role' });

export const ACCESS_KEY = 'cairn:access';
export type Access = { public: true } | { public: false; roles: Role[] };

/** Who may call this resolver. Every resolver must say: the guard refuses any that does not. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { public: false, roles } satisfies Access);

/** Callable without signing in (login, rating-link redemption, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);
