import { Injectable } from '@nestjs/common';
import { DEFAULT_FLAG_SETTINGS, resolveFlagSettings, validateFlagSettings, type FlagSettings } from '@cairn/shared';
import { badInput } from '../../common/errors.js';
import { checkClientTimeZone } from '../../common/local-time.js';
import type { RequestContext } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccessService } from '../client/client-access.service.js';
import type { PracticeSettings, UpdatePracticeSettingsInput } from './practice-settings.types.js';

/** Used until a manager chooses one. */
export const DEFAULT_PRACTICE_TIME_ZONE = 'America/New_York';

interface SettingsRow {
  name: string;
  country: string;
  settings: { defaultTimeZone?: string; flags?: Partial<FlagSettings> } | null;
}

/** The practice's name, default time zone for new clients, crisis-line region and flag thresholds. */
@Injectable()
export class PracticeSettingsService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditService,
  ) {}

  async read(ctx: RequestContext): Promise<PracticeSettings> {
    await this.access.signedIn(ctx);
    const row = await ctx.db.one<SettingsRow>(
      `SELECT name, country, settings FROM practice WHERE id = cairn_current_practice()`,
    );
    const overrides = row?.settings?.flags ?? {};
    const resolved = resolveFlagSettings(overrides);
    return {
      name: row?.name ?? '',
      defaultTimeZone: row?.settings?.defaultTimeZone ?? DEFAULT_PRACTICE_TIME_ZONE,
      crisisRegion: row?.country ?? 'US',
      flagThresholds: (Object.keys(DEFAULT_FLAG_SETTINGS) as (keyof FlagSettings)[]).map((key) => ({
        key,
        value: resolved[key],
        defaultValue: DEFAULT_FLAG_SETTINGS[key],
      })),
    };
  }

  async update(ctx: RequestContext, input: UpdatePracticeSettingsInput): Promise<PracticeSettings> {
    const user = await this.access.signedIn(ctx);
    if (input.defaultTimeZone != null) await checkClientTimeZone(ctx.db, 'defaultTimeZone', input.defaultTimeZone);
    let flags: Record<string, number> | null = null;
    if (input.flagThresholds != null) {
      flags = {};
      for (const t of input.flagThresholds) {
        if (t.key in flags) throw badInput(`flagThresholds.${t.key}`, `${t.key} is listed twice`);
        flags[t.key] = t.value;
      }
      const [issue] = validateFlagSettings(flags);
      if (issue) throw badInput(`flagThresholds.${issue.field}`, `${issue.field} ${issue.message}`);
      // Only what differs from the defaults is stored, so a later change of default reaches the practice.
      for (const [key, value] of Object.entries(flags)) {
        if (DEFAULT_FLAG_SETTINGS[key as keyof FlagSettings] === value) delete flags[key];
      }
    }
    await ctx.db.query(
      `UPDATE practice SET name = coalesce($1, name), country = coalesce($2, country),
              settings = settings
                || CASE WHEN $3::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('defaultTimeZone', $3::text) END
                || CASE WHEN $4::jsonb IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('flags', $4::jsonb) END
        WHERE id = cairn_current_practice()`,
      [
        input.name ?? null,
        input.crisisRegion ?? null,
        input.defaultTimeZone ?? null,
        flags ? JSON.stringify(flags) : null,
      ],
    );
    await this.audit.allowed(ctx, user, {
      action: 'updatePracticeSettings',
      subjectType: 'practice',
      subjectId: user.practiceId,
    });
    return this.read(ctx);
  }
}
