#!/usr/bin/env node
/**
 * `npm run bench`: builds every package, then measures what design.md budgets
 * and prints it beside the budgets:
 *
 * - sizes (raw and gzip -9, summed per file) of the CDN files: the first step
 *   (pforte.js and every chunk it imports statically: German and English, no
 *   phone metadata), the whole seed 001 flow of design.md (plus the chunks of
 *   its later steps, the phone metadata and the PDF writer), every chunk of
 *   every step, and the classic IIFE bundle;
 * - in headless Chromium (Debian's /usr/bin/chromium): the first step rendered
 *   after the bundle is evaluated (median of N page loads), a checklist update
 *   on a keystroke and rule evaluation for a 128-character password (medians).
 *
 * Writes the table to docs/benchmarks.md. Exits non-zero when a size budget is
 * exceeded (timings vary by machine: reported, not enforced).
 *   node scripts/bench.mjs [--no-build] [--runs 15]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/support/browser.mjs';
import { startStaticServer } from '../e2e/support/servers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;

if (!args.includes('--no-build')) {
  console.log('Building (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    process.exit(1);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sizeOf = (file) => {
  const bytes = readFileSync(`${cdnDir}/${file}`);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const files = readdirSync(cdnDir).filter((file) => file.endsWith('.js'));

/** A chunk and every chunk it imports statically: what the browser must fetch before it runs. */
function staticClosure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  const source = readFileSync(`${cdnDir}/${file}`, 'utf8');
  for (const [, imported] of source.matchAll(/(?:import|export)\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    staticClosure(imported, into);
  }
  return into;
}
/** Summed per file: each is fetched and compressed on its own. */
const total = (group) =>
  [...group].reduce((sum, file) => {
    const size = sizeOf(file);
    return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip };
  }, { raw: 0, gzip: 0 });
const chunkOf = (prefix) => {
  const file = files.find((candidate) => candidate.startsWith(`${prefix}-`));
  if (!file) throw new Error(`no chunk ${prefix}-*.js in ${cdnDir}`);
  return file;
};

const firstStep = staticClosure('pforte.js');
// The seed 001 flow of design.md: credentials → pin → sms → visibility → done,
// with the phone metadata the SMS step loads and the PDF writer of the PIN step.
const videoConsultationFlow = new Set(firstStep);
for (const prefix of ['pin-step', 'sms-step', 'visibility-step', 'phone', 'pdf']) {
  for (const file of staticClosure(chunkOf(prefix))) videoConsultationFlow.add(file);
}
const everything = files.filter((file) => file !== 'pforte.iife.js');
const iife = sizeOf('pforte.iife.js');

const sizeRows = [
  { what: 'First step: `pforte.js` and the chunks it imports (de + en, no phone metadata)', ...total(firstStep), budget: 30 * 1024 },
  { what: 'Whole flow of seed 001 (credentials → PIN → SMS → visibility → done), phone metadata and PDF writer included', ...total(videoConsultationFlow), budget: 70 * 1024 },
  { what: 'Phone metadata and formatting (`phone-*.js`, loaded by the SMS and profile steps)', ...sizeOf(chunkOf('phone')) },
  { what: 'Every step of every product: all ES chunks', ...total(everything) },
  { what: 'Classic script: `pforte.iife.js` (everything inlined)', ...iife },
];
const firstStepFiles = [...firstStep].map((file) => file.replace(/-[\w-]{8}\.js$/, '-*.js')).join(', ');

// Timings in headless Chromium.
const server = await startStaticServer({ directory: root });
const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function measure(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${server.url}${path}`);
  const result = await page.waitForFunction(() => window.pforteBench, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue());
  await context.close();
  if (errors.length > 0) throw new Error(`${path}: ${errors.join('\n')}`);
  return result;
}
let loads;
let keystroke;
try {
  await measure('scripts/bench/first-render.html'); // warm-up
  loads = [];
  for (let run = 0; run < runs; run += 1) loads.push(await measure('scripts/bench/first-render.html'));
  keystroke = await measure('scripts/bench/keystroke.html');
} finally {
  await browser.close();
  await server.close();
}
const ms = (value) => `${value.toFixed(value < 1 ? 4 : 1)} ms`;
const timingRows = [
  { what: `Import of pforte.js (its chunks fetched from localhost, evaluated, elements defined), median of ${runs} loads`, value: median(loads.map((load) => load.evaluationMs)) },
  { what: `First step rendered after evaluation, median of ${runs} loads`, value: median(loads.map((load) => load.renderAfterEvaluationMs)), budget: 50, unit: 'ms' },
  { what: `Evaluation start → first step rendered, median of ${runs} loads`, value: median(loads.map((load) => load.totalMs)) },
  { what: 'Checklist update on a keystroke (property set → rendered), median of 20 × 50', value: keystroke.checklistUpdateMs },
  { what: `Rule evaluation, ${keystroke.length}-character password, strict10 policy, median per call`, value: keystroke.evaluationMs, budget: 0.1, unit: 'ms' },
];

const verdict = (value, budget) => (budget === undefined ? '' : value <= budget ? 'within' : '**over**');
const lines = [
  '| File | Raw | Gzip | Budget (gzip) | |',
  '| --- | ---: | ---: | ---: | --- |',
  ...sizeRows.map((row) => `| ${row.what} | ${kb(row.raw)} | ${kb(row.gzip)} | ${row.budget ? `≤ ${kb(row.budget)}` : ''} | ${verdict(row.gzip, row.budget)} |`),
  '',
  '| Timing (headless Chromium) | Measured | Budget | |',
  '| --- | ---: | ---: | --- |',
  ...timingRows.map((row) => `| ${row.what} | ${ms(row.value)} | ${row.budget === undefined ? '' : `${row.budget === 0.1 ? '<' : '≤'} ${row.budget} ms`} | ${verdict(row.value, row.budget)} |`),
];
const table = lines.join('\n');
console.log(`\n${table}\n`);

const chromium = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
// Sections after this script's own (the reference server's `npm run load` table) are kept as they are.
let keptSections = '';
try {
  const previous = readFileSync(`${root}docs/benchmarks.md`, 'utf8');
  const at = previous.indexOf('\n## Reference server');
  if (at !== -1) keptSections = previous.slice(at);
} catch {
  // No previous file.
}
writeFileSync(
  `${root}docs/benchmarks.md`,
  `# Benchmarks

Sizes of the CDN bundles and timings in headless Chromium, against the budgets
in the design. Sizes are gzip -9 of the built files, summed per file (each is
fetched on its own); the first step is \`pforte.js\` with every chunk it
imports statically (${firstStepFiles}). Reproduce with:

\`\`\`sh
npm run bench            # builds first; --no-build to reuse dist/, --runs N for page loads
\`\`\`

${table}

Measured on ${new Date().toISOString().slice(0, 10)}, ${chromium || 'Chromium'}, ${cpus().length} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}.
The first-render page (\`scripts/bench/first-render.html\`) preloads \`pforte.js\`,
then times its evaluation and the first step's heading appearing (German,
memory adapter). The keystroke page (\`scripts/bench/keystroke.html\`) sets a
\`<pforte-password-checklist>\`'s password to 100–128 characters 1000 times and
times the updates (20 samples of 50), and calls \`evaluatePassword\` in batches of 1000. Size
budgets fail \`npm run bench\`; timings depend on the machine and are reported.
${keptSections}`,
);
console.log('Wrote docs/benchmarks.md');

const overBudget = sizeRows.filter((row) => row.budget !== undefined && row.gzip > row.budget);
for (const row of overBudget) console.error(`Size budget exceeded: ${row.what}: ${kb(row.gzip)} > ${kb(row.budget)}`);
process.exit(overBudget.length === 0 ? 0 : 1);
