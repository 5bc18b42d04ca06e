import { runReads } from '../bench/scenarios/reads';
import { benchApi } from './support/bench';

/**
 * The reads benchmark end to end at its smallest: a tiny dataset, one short round per read and
 * connection count. Only the shape of the result is checked; its figures mean nothing here.
 */
describe('bench: reads beside the baseline', () => {
  const bench = benchApi();

  it('loads the API and the baseline and reports every read at every connection count', async () => {
    const ctx = await bench.start();
    const lines: string[] = [];
    const result = await runReads(ctx, { scale: 0.005, rounds: 1, seconds: 1, connections: [8, 64], warmUpRequests: 0, sequentialRequests: 10, profile: true }, (line) => lines.push(line));

    const { json } = result;
    expect(json.endpoints.map((e) => e.key)).toEqual(['byId', 'firstPage', 'deepPage', 'timeline']);
    for (const e of json.endpoints) {
      expect(e.sqlMs).toBeGreaterThan(0);
      for (const run of [e.sequential.api, e.sequential.baseline]) expect(run.requests).toBe(10);
      expect(e.profile?.connections).toBe(8);
      const shares = e.profile?.shares ?? [];
      expect(shares.length).toBeGreaterThan(0);
      expect(shares.reduce((s, x) => s + x.percent, 0)).toBeCloseTo(100, 5);
      expect(e.profile?.functions.length).toBeGreaterThan(0);
    }
    expect(json.loads.map((l) => `${l.endpoint}@${l.connections}`)).toEqual(['byId@8', 'byId@64', 'firstPage@8', 'firstPage@64', 'deepPage@8', 'deepPage@64', 'timeline@8', 'timeline@64']);
    for (const load of json.loads) {
      expect(load.rounds).toHaveLength(1);
      for (const side of [load.api, load.baseline, load.rounds[0].api, load.rounds[0].baseline]) {
        for (const v of [side.rps, side.p50, side.p99, side.errors, side.processCpuMsPerRequest, side.postgresCpuMsPerRequest]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
      }
      expect(load.api.rps).toBeGreaterThan(0);
      expect(load.baseline.rps).toBeGreaterThan(0);
      expect(load.medianRatio).toBeCloseTo(load.rounds[0].ratio, 10);
    }
    expect(json.dataset.timelineEvents).toBeGreaterThan(0);
    expect(result.sections).toContain('| read | connections | API req/s | baseline req/s |');
    // A row per read and connection count, per read beside its SQL, and per read profiled.
    expect(result.sections?.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| read') && !l.startsWith('| ---'))).toHaveLength(8 + 4 + 4);
    expect(result.notes.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(1 + 8);
  }, 180_000);
});
