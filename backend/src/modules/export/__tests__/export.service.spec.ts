import { Role } from '../../../common/roles.js';
import type { SignedInUser } from '../../../common/request-context.js';
import { ExportService, toExport } from '../export.service.js';
import { ExportDataset, ExportFormat, ExportStatus } from '../export.types.js';

const manager = (id: string, practiceId = 'p1'): SignedInUser => ({
  id,
  practiceId,
  role: Role.MANAGER,
  email: `${id}@test.cairn`,
  displayName: id,
  sessionId: `s-${id}`,
});
const SPEC = {
  format: ExportFormat.CSV,
  dataset: ExportDataset.EPISODES,
  from: '2025-01-01',
  to: '2025-06-30',
  identifiable: false,
};
const T0 = new Date('2026-01-01T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('ExportService', () => {
  it('gives each request an unguessable 128-bit id written as a UUID, and a download url', () => {
    const exports = new ExportService();
    const a = exports.create(manager('m1'), SPEC, T0);
    const b = exports.create(manager('m1'), SPEC, T0);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
    expect(toExport(a)).toEqual(
      expect.objectContaining({ url: `/exports/${a.id}`, status: ExportStatus.READY, expiresAt: minutes(60) }),
    );
  });

  it('finds a request only for the manager who made it, and only for an hour', () => {
    const exports = new ExportService();
    const request = exports.create(manager('m1'), SPEC, T0);
    expect(exports.find(manager('m1'), request.id, minutes(59))).toBe(request);
    expect(exports.find(manager('m2'), request.id, minutes(1))).toBeUndefined();
    expect(exports.find(manager('m1', 'p2'), request.id, minutes(1))).toBeUndefined();
    expect(exports.find(manager('m1'), request.id, minutes(60))).toBeUndefined();
    // Gone for good once expired.
    expect(exports.find(manager('m1'), request.id, minutes(1))).toBeUndefined();
  });

  it('refuses a 51st open request from one manager', () => {
    const exports = new ExportService();
    for (let i = 0; i < 50; i++) exports.create(manager('m1'), SPEC, T0);
    expect(() => exports.create(manager('m1'), SPEC, T0)).toThrow(/Too many/);
    expect(exports.create(manager('m2'), SPEC, T0).userId).toBe('m2');
    // An hour later the old ones have expired and make room.
    expect(exports.create(manager('m1'), SPEC, minutes(61)).userId).toBe('m1');
  });
});
