import type { Request, Response } from 'express';
import type { RequestDb } from '../database/request-db.js';
import type { RateLimiter } from '../modules/auth/rate-limiter.js';
import type { VisibleClient } from '../modules/client/client-access.service.js';
import type { Role } from './roles.js';

export interface SignedInUser {
  id: string;
  practiceId: string;
  role: Role;
  email: string;
  displayName: string;
  sessionId: string;
  /** For a client: their own client record, loaded with the session. */
  client?: VisibleClient;
}

/** The GraphQL context of one request. */
export interface RequestContext {
  req: Request;
  res: Response;
  requestId: string;
  db: RequestDb;
  /** Resolves the signed-in user from the session cookie once per request (null if anonymous). */
  user(): Promise<SignedInUser | null>;
  /** Set once resolved, or by login within the request. */
  signedIn?: SignedInUser | null;
  /** Set once a denial of this request has been audited, so it is written once. */
  deniedAudited?: boolean;
  /** Client submissions per actor per minute (shared across requests). */
  submissions: RateLimiter;
}
