import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generatePortfolioDataset } from '../bench/datasets/portfolio-dataset';
import { dataSourceOptions } from '../src/database/data-source';
import { cloneTemplate, dropDatabase } from './support/database';

/**
 * The benchmark's dataset generator at a tiny scale: every table it fills has rows, the sizes asked
 * for are the sizes made, and the money adds up (each grant's ledger gives its totals, as the API's
 * reconciliation checks). The foreign keys and checks of the schema hold, or the INSERTs would fail.
 */
describe('bench: the portfolio dataset', () => {
  const server = process.env.JALIN_TEST_SERVER as string;
  const name = `jalin_bench_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}_test`;
  let ds: DataSource | undefined;
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(server, name);
  });

  it('fills every table at the asked size, with grants whose ledgers match their totals', async () => {
    ds = await new DataSource(dataSourceOptions(await cloneTemplate(server, name), 4)).initialize();
    const size = { companies: 3, schools: 60, years: 4, largest: 12, sessions: 500 };
    const data = await generatePortfolioDataset(ds, '2026-06-15', size);

    for (const [table, count] of Object.entries(data.counts)) expect({ table, count: count > 0 }).toEqual({ table, count: true });
    const [{ schools, companies }] = (await ds.query(
      `SELECT count(*) FILTER (WHERE type = 'school' AND name LIKE 'SD Bench %') AS schools, count(*) FILTER (WHERE type = 'company' AND name LIKE 'PT Bench %') AS companies FROM organizations`,
    )) as Array<{ schools: string; companies: string }>;
    expect(Number(schools)).toBe(size.schools);
    expect(Number(companies)).toBe(size.companies);
    const [{ largest }] = (await ds.query(`SELECT count(*) AS largest FROM partnerships WHERE program_id = $1`, [data.largestProgramId])) as Array<{ largest: string }>;
    expect(Number(largest)).toBe(size.largest);

    const unbalanced = (await ds.query(
      `SELECT g.id
         FROM grants g
         LEFT JOIN (SELECT grant_id,
                           sum(amount) FILTER (WHERE kind = 'award') AS awarded,
                           coalesce(sum(amount) FILTER (WHERE kind = 'tranche'), 0) AS disbursed,
                           coalesce(-sum(amount) FILTER (WHERE kind = 'expense_accepted'), 0) AS accepted,
                           coalesce(-sum(amount) FILTER (WHERE kind = 'returned'), 0) AS returned,
                           coalesce(-sum(amount) FILTER (WHERE kind = 'carried_over'), 0) AS carried
                      FROM grant_ledger_entries GROUP BY grant_id) l ON l.grant_id = g.id
        WHERE l.awarded IS DISTINCT FROM g.awarded_amount OR l.disbursed <> g.disbursed_amount OR l.accepted <> g.accepted_amount
           OR l.returned <> g.returned_amount OR l.carried <> g.carried_over_amount`,
    )) as unknown[];
    expect(unbalanced).toEqual([]);
  }, 120_000);
});
