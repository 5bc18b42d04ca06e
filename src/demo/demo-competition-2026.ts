import type { EntityManager } from 'typeorm';
import { Competition } from '../competitions/competition.entity';
import { CompetitionCategory } from '../competitions/competition-category.entity';
import { CompetitionJudge } from '../competitions/judging.entities';
import { RubricCriterion } from '../competitions/rubric-criterion.entity';
import { COMPETITION_DEMO_IDS } from './demo-competitions';
import { DEMO_IDS } from './demo-ids';
import type { DemoStep } from './demo-ids';
import { PROGRAM_DEMO_IDS } from './demo-programs';

const two = (n: number) => String(n).padStart(2, '0');

/** Fixed ids of the 2026 competition demo records (categories, criteria and panel places by position, from 1). */
export const COMPETITION_2026_DEMO_IDS = {
  national2026: '00000000-0000-4000-8000-000000000c26',
  category: (n: number) => `00000000-0000-4000-8000-0000cc2601${two(n)}`,
  criterion: (n: number) => `00000000-0000-4000-8000-0000cc2602${two(n)}`,
  judge: (n: number) => `00000000-0000-4000-8000-0000cc2603${two(n)}`,
} as const;

const YEAR = 2026;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The demo calendar's entry deadline: the last day of the program year. */
const CALENDAR_CLOSE = `${YEAR}-12-31`;

const addDays = (isoDate: string, days: number) => new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
const endOfDayWib = (isoDate: string) => new Date(`${isoDate}T23:59:59+07:00`);

/**
 * The day entries close: the demo calendar's, or 60 days after the demo is loaded when that is
 * later, so a demo loaded today still lets a new user submit an entry.
 */
export function entriesCloseDay(loadedAt: Date): string {
  const inSixtyDays = addDays(loadedAt.toISOString().slice(0, 10), 60);
  return inSixtyDays > CALENDAR_CLOSE ? inSixtyDays : CALENDAR_CLOSE;
}

/**
 * This year's national innovation competition of Generasi Trakindo, open for entries: the 2025
 * competition's categories, rubric and panel of five judges of Universitas Lambung Mangkurat, and no
 * entry yet, so a principal (SDN Pelambuan 4's, say) can submit one from the 2026 plan.
 */
export const competition2026DemoStep: DemoStep = {
  name: 'demo:competition-2026',
  async run(manager: EntityManager) {
    const programYearId = PROGRAM_DEMO_IDS.year(YEAR);
    const last = COMPETITION_DEMO_IDS.national2025;
    const categories = await manager.find(CompetitionCategory, { where: { competitionId: last }, order: { position: 'ASC' } });
    const criteria = await manager.find(RubricCriterion, { where: { competitionId: last }, order: { position: 'ASC' } });
    const panel = await manager.find(CompetitionJudge, { where: { competitionId: last }, order: { createdAt: 'ASC', judgeUserId: 'ASC' } });
    if (categories.length === 0 || criteria.length === 0 || panel.length === 0) {
      throw new Error('demo:competition-2026 copies the 2025 competition: run the competitions demo step first');
    }
    if ((await manager.query('SELECT 1 FROM program_years WHERE id = $1', [programYearId])).length === 0) {
      throw new Error(`demo:competition-2026 needs the ${YEAR} year of Generasi Trakindo: run the programs demo step first`);
    }

    const id = COMPETITION_2026_DEMO_IDS.national2026;
    const closeDay = entriesCloseDay(new Date());
    await manager.insert(Competition, {
      id,
      programYearId,
      companyId: DEMO_IDS.trakindo,
      title: `Lomba Inovasi Sekolah Nasional Generasi Trakindo ${YEAR}`,
      level: 'national',
      phase: 'open',
      entriesOpenAt: new Date(`${YEAR}-09-01T00:00:00+07:00`),
      entriesCloseAt: endOfDayWib(closeDay),
      judgingEndsAt: endOfDayWib(addDays(closeDay, 30)),
      publishedAt: null,
      minJudgesPerEntry: 3,
      createdAt: new Date(`${YEAR}-08-14T09:00:00+07:00`),
    });
    await manager.insert(
      CompetitionCategory,
      categories.map((k, i) => ({ id: COMPETITION_2026_DEMO_IDS.category(i + 1), competitionId: id, name: k.name, position: i + 1 })),
    );
    await manager.insert(
      RubricCriterion,
      criteria.map((c, i) => ({ id: COMPETITION_2026_DEMO_IDS.criterion(i + 1), competitionId: id, name: c.name, description: c.description, weight: c.weight, maxScore: c.maxScore, position: i + 1 })),
    );
    await manager.insert(
      CompetitionJudge,
      panel.map((j, i) => ({ id: COMPETITION_2026_DEMO_IDS.judge(i + 1), competitionId: id, judgeUserId: j.judgeUserId, createdAt: new Date(`${YEAR}-08-${two(20 + i)}T09:00:00+07:00`) })),
    );
  },
};
