import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const baselineDir = join(root, 'visual', 'baselines');
export const outputDir = join(root, 'visual', 'output');

/** `PFORTE_UPDATE_SCREENSHOTS=1` (npm run visual:update) writes the baselines instead of comparing. */
export const updating = process.env.PFORTE_UPDATE_SCREENSHOTS === '1';

/**
 * Per-pixel colour distance (pixelmatch's YIQ threshold) below which two
 * pixels count as equal: absorbs font antialiasing, not a changed colour.
 */
const colourThreshold = 0.1;

/**
 * How two screenshots are compared: different sizes always fail (layout);
 * otherwise pixelmatch, skipping antialiased edges, may find at most
 * `maxRatio` of the pixels different.
 */
export function compareImages(expected, actual, { maxRatio = 0.0005 } = {}) {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    return { ok: false, reason: `size ${b.width}×${b.height}, baseline ${a.width}×${a.height}` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const different = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: colourThreshold });
  const allowed = Math.floor(a.width * a.height * maxRatio);
  return {
    ok: different <= allowed,
    reason: `${different} pixels differ (at most ${allowed} allowed)`,
    diff: PNG.sync.write(diff),
  };
}

/**
 * Compares `png` with the committed baseline `name`.png. On a mismatch the
 * actual image and a diff image go to visual/output/ and the result says
 * where. With PFORTE_UPDATE_SCREENSHOTS=1 the baseline is (re)written.
 */
export async function matchBaseline(name, png) {
  const baseline = join(baselineDir, `${name}.png`);
  if (updating) {
    await mkdir(dirname(baseline), { recursive: true });
    await writeFile(baseline, png);
    return { ok: true };
  }
  let expected;
  try {
    expected = await readFile(baseline);
  } catch {
    await saveOutput(name, png);
    return { ok: false, reason: `no baseline visual/baselines/${name}.png (npm run visual:update writes it)` };
  }
  const result = compareImages(expected, png);
  if (!result.ok) {
    await saveOutput(name, png, result.diff);
    return { ok: false, reason: `${result.reason}; see visual/output/${name}.actual.png and .diff.png` };
  }
  return { ok: true };
}

async function saveOutput(name, actual, diff) {
  await mkdir(outputDir, { recursive: true });
  await writeFile(join(outputDir, `${name}.actual.png`), actual);
  if (diff) await writeFile(join(outputDir, `${name}.diff.png`), diff);
}
