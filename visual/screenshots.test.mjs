/**
 * Every scene of the visual harness (each step in each state a person
 * meets), in German and English, light and dark, on a phone (390 px) and a
 * desktop (1280 px), inside a page with ordinary site CSS, compared with the
 * committed baselines in visual/baselines/. A different size fails (layout);
 * otherwise at most 0.05 % of the pixels may differ beyond antialiasing. On a
 * failure the actual image and a diff image are written to visual/output/.
 * `npm run visual:update` rewrites the baselines; look at them before committing.
 *
 * Each page is also checked for horizontal overflow (and a 320 px phone
 * besides): no scene may be wider than its container, and the page must not
 * scroll sideways. Arabic (right to left) and Polish (long words) are shot
 * in light at 320 and 1280 px, checked for text cut off, and the Arabic page
 * with axe.
 *
 * The theme is the page's `color-scheme` alone, so each page is opened once
 * per language and width and shot in light, then switched to dark and shot
 * again (the dark shots match baselines taken on pages opened in dark).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness } from './support/harness.mjs';
import { matchBaseline } from './support/compare.mjs';

/** Phone: the site's container leaves 358 px of the 390 px viewport; desktop: the widget's own maximum. */
const layouts = [
  { viewport: 390, width: 358 },
  { viewport: 1280, width: 480 },
];

/** Every element wider than its box (scrolling sideways), and how far the page scrolls sideways. */
function horizontalOverflow(page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    scenes: [...document.querySelectorAll('section[data-scene]')]
      .filter((section) =>
        [section, ...section.querySelectorAll('*')].some((element) => {
          const style = getComputedStyle(element);
          return element.clientWidth > 0 && style.display !== 'inline' && style.overflowX !== 'hidden' && element.scrollWidth > element.clientWidth + 1;
        }),
      )
      .map((section) => section.dataset.scene),
  }));
}

/** Buttons, labels and headings whose text does not fit their box (cut off rather than wrapped). */
function clipped(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('section[data-scene] :is(button, label, h2, legend, .pf-progress)')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      .filter((element) => getComputedStyle(element).overflow !== 'visible')
      .map((element) => `${element.closest('section').dataset.scene}: ${element.tagName.toLowerCase()} "${element.textContent.trim()}"`),
  );
}

describe('screenshots of every step', () => {
  let harness;
  before(async () => {
    harness = await openHarness();
  });
  after(() => harness?.close());

  it('no step scrolls sideways on a 320 px phone (German, the longer texts)', async () => {
    const page = await harness.open({ host: 'site', locale: 'de', theme: 'light', width: 288, viewport: 320 });
    try {
      assert.deepEqual(page.problems, []);
      assert.deepEqual(await horizontalOverflow(page.page), { page: 0, scenes: [] });
    } finally {
      await page.close();
    }
  });

  for (const locale of ['de', 'en']) {
    for (const { viewport, width } of layouts) {
      it(`${locale}, light and dark, ${viewport} px`, async () => {
        const page = await harness.open({ host: 'site', locale, theme: 'light', width, viewport });
        try {
          assert.deepEqual(page.problems, []);
          const mismatches = [];
          for (const theme of ['light', 'dark']) {
            await harness.setTheme(page.page, theme);
            assert.deepEqual(await horizontalOverflow(page.page), { page: 0, scenes: [] }, `horizontal overflow (${theme})`);
            for (const scene of await harness.scenes(page.page)) {
              const result = await matchBaseline(`${scene}.${locale}-${theme}-${viewport}`, await harness.shot(page.page, scene));
              if (!result.ok) mismatches.push(`${scene} (${theme}): ${result.reason}`);
            }
          }
          assert.deepEqual(mismatches, []);
        } finally {
          await page.close();
        }
      });
    }
  }

  // Right to left (Arabic) and long words (Polish): on the smallest phone and a desktop, light.
  for (const locale of ['ar', 'pl']) {
    for (const { viewport, width } of [{ viewport: 320, width: 288 }, layouts[1]]) {
      it(`${locale}, light, ${viewport} px${locale === 'ar' && viewport === 320 ? ', accessible' : ''}`, async () => {
        const page = await harness.open({ host: 'site', locale, theme: 'light', width, viewport });
        try {
          assert.deepEqual(page.problems, []);
          assert.deepEqual(await horizontalOverflow(page.page), { page: 0, scenes: [] }, 'horizontal overflow');
          assert.deepEqual(await clipped(page.page), [], 'text cut off');
          if (locale === 'ar' && viewport === 320) assert.deepEqual(await harness.axeViolations(page.page), []);
          const mismatches = [];
          for (const scene of await harness.scenes(page.page)) {
            const result = await matchBaseline(`${scene}.${locale}-light-${viewport}`, await harness.shot(page.page, scene));
            if (!result.ok) mismatches.push(`${scene}: ${result.reason}`);
          }
          assert.deepEqual(mismatches, []);
        } finally {
          await page.close();
        }
      });
    }
  }
});
