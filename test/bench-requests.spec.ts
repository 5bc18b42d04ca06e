import { runRequests } from '../bench/scenarios/requests';
import { benchApi } from './support/bench';

/**
 * The sign-in, ledger and write benchmark end to end at its smallest: a tiny dataset, one short round
 * each. Only the shape of the result is checked (and that every request was answered 2xx, or the
 * errors column would say otherwise); its figures mean nothing here.
 */
describe('bench: sign-in, a grant and a write under load', () => {
  const bench = benchApi();

  it('loads each request at each connection count and reports it', async () => {
    const ctx = await bench.start();
    const lines: string[] = [];
    const result = await runRequests(ctx, { scale: 0.005, rounds: 1, seconds: 1, connections: [4], accounts: 3 }, (line) => lines.push(line));

    const json = result.json as { rows: Array<{ key: string; connections: number; rps: number; p50: number; p99: number; errors: number; processCpuMsPerRequest: number; postgresCpuMsPerRequest: number; rounds: unknown[] }> };
    expect(json.rows.map((r) => `${r.key}@${r.connections}`)).toEqual(['signIn@4', 'ledger@4', 'write@4']);
    for (const row of json.rows) {
      expect(row.rounds).toHaveLength(1);
      expect(row.rps).toBeGreaterThan(0);
      expect(row.errors).toBe(0);
      for (const v of [row.p50, row.p99, row.processCpuMsPerRequest, row.postgresCpuMsPerRequest]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
    }
    // The writes were made: sessions with the scenario's notes, each under its own Idempotency-Key.
    const [{ sessions }] = (await ctx.dataSource.query(`SELECT count(*) AS sessions FROM mentoring_sessions WHERE notes = 'Pendampingan literasi kelas awal'`)) as Array<{ sessions: string }>;
    expect(Number(sessions)).toBeGreaterThan(1);
    expect(result.sections?.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| request') && !l.startsWith('| ---'))).toHaveLength(3);
    expect(result.notes.join('\n')).toContain('not measured (64 connections not in this run)');
    expect(lines).toHaveLength(1 + 3);
  }, 180_000);
});
