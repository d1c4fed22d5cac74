import { stubOf } from '@hub/testing';
import type { ProcedureVersionEntity } from './procedure-version.entity';
import type { ProcedureHistory, ProcedureVersionRepository } from './procedure-version.repository';
import { MAX_CACHED_PROCEDURES, ProceduresInForce } from './procedures-in-force';

const version = (code: string, v: number, effectiveFrom: string): ProcedureVersionEntity =>
  Object.assign(new (class {})() as ProcedureVersionEntity, { code, version: v, name: `${code} v${v}`, implementingAgencyCodes: ['000.00.15.H31'], channels: [], onlineLevel: 'FULL', effectiveFrom: new Date(effectiveFrom) });

/** A read model whose histories the test changes; it counts the codes it was asked for. */
function setup(initial: Record<string, ProcedureHistory>) {
  const database = new Map(Object.entries(initial));
  const reads: string[] = [];
  const repository = stubOf<ProcedureVersionRepository>({
    historiesOf: async (codes) => {
      reads.push(...codes);
      return new Map(codes.flatMap((c) => (database.has(c) ? [[c, database.get(c)!] as const] : [])));
    },
  });
  return { procedures: new ProceduresInForce(repository), database, reads };
}

describe('ProceduresInForce', () => {
  const v1 = version('1.001', 1, '2026-01-01T00:00:00+07:00');
  const v2 = version('1.001', 2, '2026-06-01T00:00:00+07:00');

  it('reads a history once and answers the version in force at each time from it, a version announced for later included', async () => {
    const { procedures, reads } = setup({ '1.001': { versions: [v2, v1], withdrawnAt: null } });
    expect(await procedures.find('1.001', new Date('2025-12-01T00:00:00Z'))).toBeNull();
    expect((await procedures.find('1.001', new Date('2026-03-01T00:00:00Z')))?.version).toBe(1);
    expect((await procedures.find('1.001', new Date('2026-07-01T00:00:00Z')))?.version).toBe(2);
    expect(reads).toEqual(['1.001']);
  });

  it('keeps what it read until told to forget it, then reads the database again', async () => {
    const { procedures, database, reads } = setup({ '1.001': { versions: [v1], withdrawnAt: null } });
    const at = new Date('2026-03-01T00:00:00Z');
    expect((await procedures.find('1.001', at))?.version).toBe(1);
    database.set('1.001', { versions: [v1], withdrawnAt: new Date('2026-02-01T00:00:00Z') });
    expect((await procedures.find('1.001', at))?.version).toBe(1);
    procedures.forget('1.001');
    expect(await procedures.find('1.001', at)).toBeNull();
    expect(reads).toEqual(['1.001', '1.001']);
  });

  it('does not keep an unknown procedure: one published later is found at once', async () => {
    const { procedures, database, reads } = setup({});
    const at = new Date('2026-03-01T00:00:00Z');
    expect(await procedures.find('1.001', at)).toBeNull();
    database.set('1.001', { versions: [v1], withdrawnAt: null });
    expect((await procedures.find('1.001', at))?.version).toBe(1);
    expect(reads).toEqual(['1.001', '1.001']);
  });

  it(`keeps at most ${MAX_CACHED_PROCEDURES} histories, letting the oldest go first`, async () => {
    const codes = Array.from({ length: MAX_CACHED_PROCEDURES + 1 }, (_, i) => `9.${i}`);
    const { procedures, reads } = setup(Object.fromEntries(codes.map((c) => [c, { versions: [version(c, 1, '2026-01-01T00:00:00+07:00')], withdrawnAt: null }])));
    const at = new Date('2026-03-01T00:00:00Z');
    for (const code of codes) await procedures.find(code, at);
    reads.length = 0;
    await procedures.find(codes[1], at);
    await procedures.find(codes.at(-1)!, at);
    expect(reads).toEqual([]);
    await procedures.find(codes[0], at);
    expect(reads).toEqual([codes[0]]);
  });
});
