/** Calendar days are integers (days since 1970-01-01); local times are minutes after local midnight. */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

const isoDates = new Map<number, string>();

export function isoDate(day: number): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDates.set(day, text);
  }
  return text;
}

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * One IANA time zone, with its UTC offset cached per calendar day. The offset is taken at local
 * noon, which is right for every time the generator uses (07:00-23:59, never inside a DST jump).
 */
export class Zone {
  private readonly offsets = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** Local minus UTC, in minutes, on the given local day. */
  offsetMinutes(day: number): number {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const probe = day * DAY_MS + 12 * HOUR_MS;
      const parts: Record<string, number> = {};
      for (const part of this.format.formatToParts(probe)) {
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
      }
      const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
      offset = Math.round((wall - probe) / MINUTE_MS);
      this.offsets.set(day, offset);
    }
    return offset;
  }

  /** The instant of a local wall-clock time. */
  at(day: number, minuteOfDay: number): number {
    return day * DAY_MS + minuteOfDay * MINUTE_MS - this.offsetMinutes(day) * MINUTE_MS;
  }

  /** The local calendar day of an instant. */
  localDay(ms: number): number {
    const utcDay = dayOf(ms);
    return dayOf(ms + this.offsetMinutes(utcDay) * MINUTE_MS);
  }
}

const zones = new Map<string, Zone>();

export function zone(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    z = new Zone(name);
    zones.set(name, z);
  }
  return z;
}
