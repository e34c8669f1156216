/**
 * The widget renders into the light DOM (password managers must see its
 * inputs), so the host page's CSS reaches it. These tests embed every scene
 * of the harness in pages styled by Bootstrap 5, by Tailwind (preflight and
 * utilities) and by a deliberately hostile stylesheet, and require the widget
 * to look as it does on a blank page: every computed style of every element
 * it rendered, and its pixels.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness } from './support/harness.mjs';
import { widgetStyles, styleDifferences } from './support/styles.mjs';
import { compareImages } from './support/compare.mjs';

const hosts = ['bootstrap', 'tailwind', 'hostile'];
const layouts = [
  { theme: 'light', viewport: 1280, width: 480 },
  { theme: 'dark', viewport: 390, width: 358 },
];

describe('the widget looks the same in any host page', () => {
  let harness;
  before(async () => {
    harness = await openHarness();
  });
  after(() => harness?.close());

  {
    for (const { theme, viewport, width } of layouts) {
      describe(`${theme}, ${viewport} px`, () => {
        let blank;
        before(async () => {
          blank = await harness.open({ host: 'blank', theme, width, viewport });
          assert.deepEqual(blank.problems, []);
          blank.styles = await widgetStyles(blank.page);
          blank.shots = new Map();
          for (const scene of await harness.scenes(blank.page)) blank.shots.set(scene, await harness.shot(blank.page, scene));
        });
        after(() => blank?.close());

        for (const host of hosts) {
          it(`with ${host}'s CSS: the same computed styles and pixels as on a blank page`, async () => {
            const page = await harness.open({ host, theme, width, viewport });
            try {
              assert.deepEqual(page.problems, []);
              assert.deepEqual(styleDifferences(blank.styles, await widgetStyles(page.page)), []);
              const mismatches = [];
              for (const [scene, expected] of blank.shots) {
                const result = compareImages(expected, await harness.shot(page.page, scene), { maxRatio: 0.0002 });
                if (!result.ok) mismatches.push(`${scene}: ${result.reason}`);
              }
              assert.deepEqual(mismatches, []);
            } finally {
              await page.close();
            }
          });
        }
      });
    }
  }
});
