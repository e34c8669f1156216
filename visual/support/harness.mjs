import { readFile } from 'node:fs/promises';
import { launchChromium } from '../../e2e/support/browser.mjs';
import { startHarness } from './server.mjs';

let axe;
const axeSource = () => (axe ??= readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));

/** The harness server and one Chromium, shared by a test file. */
export async function openHarness() {
  const server = await startHarness();
  const browser = await launchChromium();
  return {
    /**
     * Opens the harness with `options` (host, locale, theme, width, scenes) in
     * a viewport `viewport` px wide and waits until every scene is ready.
     * Fails on a scene that did not reach its state, a console error or an
     * uncaught exception.
     */
    async open({ viewport = 1280, ...options }) {
      const context = await browser.newContext({ viewport: { width: viewport, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      const query = new URLSearchParams(Object.entries(options).map(([key, value]) => [key, String(value)]));
      await page.goto(`${server.url}?${query}`);
      await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
      problems.push(...(await page.locator('section[data-problem]').evaluateAll((sections) => sections.map((section) => `${section.dataset.scene}: ${section.dataset.problem}`))));
      return { page, problems, close: () => context.close() };
    },
    /**
     * Switches an open harness page to `theme` (light or dark) as `?theme=`
     * sets it, through the page's `color-scheme`, and waits for the next frame.
     */
    async setTheme(page, theme) {
      await page.evaluate(async (dark) => {
        document.documentElement.style.colorScheme = dark ? 'dark' : '';
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }, theme === 'dark');
    },
    /** axe's violations on an open harness page, one line each (rule, impact, scene). */
    async axeViolations(page) {
      await page.addScriptTag({ content: await axeSource() });
      return page.evaluate(async () => {
        const result = await window.axe.run('#scenes');
        return result.violations.map(
          (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      });
    },
    /** The scene names of an open harness page, in order. */
    scenes: (page) => page.locator('section[data-scene]').evaluateAll((sections) => sections.map((section) => section.dataset.scene)),
    /** A PNG of one scene's widget (caret hidden, animations stopped). */
    shot: (page, scene) => page.locator(`section[data-scene="${scene}"] > *`).first().screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' }),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
