import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { priorityRank } from '@cairn/shared';
import { badInput } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import { Role, Roles } from '../../common/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccessService } from '../client/client-access.service.js';
import { FLAG_COLUMNS, FLAG_FROM, toFlag, type FlagRow } from './flag.sql.js';
import { Flag, FlagStatus } from './flag.types.js';

const MAX_NOTE = 2000;

@Resolver(() => Flag)
export class FlagResolver {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  @Roles(Role.THERAPIST, Role.MANAGER)
  @Query(() => [Flag], { description: "Flags on the caller's caseload (a manager: the practice), most urgent first." })
  async flags(
    @Context() ctx: RequestContext,
    @Args('status', { type: () => FlagStatus, nullable: true }) status?: FlagStatus | null,
  ): Promise<Flag[]> {
    const user = await this.access.signedIn(ctx);
    const rows = await ctx.db.query<FlagRow>(
      `SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM}
        WHERE ($1::text IS NULL OR f.status = $1) AND ($2::uuid IS NULL OR c.therapist_id = $2)
        ORDER BY f.opened_at LIMIT 1000`,
      [status ?? null, user.role === Role.THERAPIST ? user.id : null],
    );
    const flags = rows.map(toFlag).sort(priorityRank);
    await this.audit.allowedMany(ctx, user, 'flags', 'client', [...new Set(flags.map((f) => f.clientId))]);
    return flags;
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Flag, { description: 'Seen and being acted on; the note says what.' })
  acknowledgeFlag(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
  ): Promise<Flag> {
    return this.transition(ctx, id, note, 'acknowledgeFlag');
  }

  @Roles(Role.THERAPIST)
  @Mutation(() => Flag, { description: 'Dealt with; the note says how. The history is kept.' })
  resolveFlag(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
  ): Promise<Flag> {
    return this.transition(ctx, id, note, 'resolveFlag');
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    note: string,
    action: 'acknowledgeFlag' | 'resolveFlag',
  ): Promise<Flag> {
    const trimmed = note.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_NOTE)
      throw badInput('note', `note must be 1 to ${MAX_NOTE} characters`);
    await this.access.recordOf(ctx, 'flag', id, 'write', action, 'Flag');
    const user = await this.access.signedIn(ctx);
    const current = await ctx.db.one<{ status: FlagStatus }>(`SELECT status FROM flag WHERE id = $1 FOR UPDATE`, [id]);
    if (current?.status === FlagStatus.RESOLVED) throw badInput('id', 'this flag is already resolved');
    if (current?.status === FlagStatus.CLEARED)
      throw badInput('id', 'this flag has cleared: its condition no longer holds');
    if (action === 'acknowledgeFlag') {
      if (current?.status === FlagStatus.ACKNOWLEDGED) throw badInput('id', 'this flag is already acknowledged');
      await ctx.db.query(
        `UPDATE flag SET status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = $2, acknowledge_note = $3 WHERE id = $1`,
        [id, user.id, trimmed],
      );
    } else {
      await ctx.db.query(
        `UPDATE flag SET status = 'RESOLVED', resolved_at = now(), resolved_by = $2, resolve_note = $3 WHERE id = $1`,
        [id, user.id, trimmed],
      );
    }
    const row = await ctx.db.one<FlagRow>(`SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE f.id = $1`, [id]);
    if (!row) throw new Error('flag vanished inside its own transaction');
    return toFlag(row);
  }
}
