import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { rateLimited } from '../../common/errors.js';
import type { SignedInUser } from '../../common/request-context.js';
import { ExportDataset, ExportStatus, type Export, type ExportFormat } from './export.types.js';

const EXPIRES_AFTER_MS = 60 * 60_000;
/** Outstanding requests per manager: the store is memory, so a caller cannot grow it without bound. */
const MAX_OPEN_PER_USER = 50;

export interface ExportRequest {
  id: string;
  practiceId: string;
  userId: string;
  format: ExportFormat;
  dataset: ExportDataset;
  from: string;
  to: string;
  identifiable: boolean;
  createdAt: Date;
  expiresAt: Date;
  status: ExportStatus;
  rowsWritten: number;
}

export interface ExportSpec {
  format: ExportFormat;
  dataset: ExportDataset;
  from: string;
  to: string;
  identifiable: boolean;
}

/** 128 random bits written as a UUID, so the id also fits audit_event.subject_id. */
function newExportId(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Export requests, held for an hour in this process. The id is an unguessable token and is only
 * honoured for the manager who made it. A restart forgets them (a persistent table is a follow-up).
 */
@Injectable()
export class ExportService {
  private readonly requests = new Map<string, ExportRequest>();

  create(user: SignedInUser, spec: ExportSpec, now = new Date()): ExportRequest {
    this.forgetExpired(now);
    const open = [...this.requests.values()].filter((r) => r.userId === user.id).length;
    if (open >= MAX_OPEN_PER_USER) throw rateLimited(Math.ceil(EXPIRES_AFTER_MS / 1000));
    const request: ExportRequest = {
      ...spec,
      id: newExportId(),
      practiceId: user.practiceId,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EXPIRES_AFTER_MS),
      status: ExportStatus.READY,
      rowsWritten: 0,
    };
    this.requests.set(request.id, request);
    return request;
  }

  /** The caller's own, unexpired request; anything else does not exist for them. */
  find(user: SignedInUser, id: string, now = new Date()): ExportRequest | undefined {
    const request = this.requests.get(id);
    if (!request) return undefined;
    if (request.expiresAt.getTime() <= now.getTime()) {
      this.requests.delete(id);
      return undefined;
    }
    return request.userId === user.id && request.practiceId === user.practiceId ? request : undefined;
  }

  private forgetExpired(now: Date): void {
    for (const [id, r] of this.requests) if (r.expiresAt.getTime() <= now.getTime()) this.requests.delete(id);
  }
}

export function toExport(r: ExportRequest): Export {
  return {
    id: r.id,
    format: r.format,
    dataset: r.dataset,
    from: r.from,
    to: r.to,
    identifiable: r.identifiable,
    status: r.status,
    url: `/exports/${r.id}`,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  };
}
