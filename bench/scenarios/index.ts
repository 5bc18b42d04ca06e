import type { Scenario } from '../harness';
import { memoryScenario } from './memory';
import { readsScenario } from './reads';
import { reportsScenario } from './reports';
import { requestsScenario } from './requests';
import { schoolImport } from './school-import';

/** Every benchmark, by name; add a scenario here and `npm run bench -- <name>` runs it. */
export const SCENARIOS: Scenario[] = [schoolImport, reportsScenario, readsScenario, requestsScenario, memoryScenario];
