import { test } from '@playwright/test';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PHONE, signIn } from '../support/fixtures';
import type { Shot } from '../support/shots';

const OUT = resolve(__dirname, '../../../docs/screenshots');
mkdirSync(OUT, { recursive: true });

const shots: Shot[] = readdirSync(__dirname)
  .filter((f) => f.endsWith('.shots.ts'))
  .sort()
  .flatMap((f) => (require(join(__dirname, f)) as { shots: Shot[] }).shots);

const SIZES = [
  { suffix: 'desktop', viewport: { width: 1366, height: 768 } },
  { suffix: 'phone', viewport: PHONE },
];

for (const size of SIZES) {
  test.describe(size.suffix, () => {
    test.use({ viewport: size.viewport });
    for (const shot of shots) {
      test(`${shot.name} (${size.suffix})`, async ({ page }) => {
        if (shot.as) await signIn(page, shot.as);
        await shot.go(page);
        // Let fonts and lazy chunks settle before capturing.
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: join(OUT, `${shot.name}-${size.suffix}.png`), fullPage: true });
      });
    }
  });
}
