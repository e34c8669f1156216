#!/usr/bin/env node
/**
 * `npm run bench`: builds every package, then measures what a person waits
 * for, in headless Chromium (Debian's /usr/bin/chromium), against the goals:
 *
 * - per product in examples/products/ (and credentials → done), the bytes
 *   fetched before the first step is interactive and over the whole flow,
 *   from the requests Chromium makes (gzip -9 per file);
 * - the time to the evaluated import and to the first interactive step on
 *   Fast 3G with a 4× slower CPU (CDP), median of cold loads, side by side
 *   with Hanko Elements in the same run, reported as a ratio;
 * - the classic script's size, the phone metadata of a German number;
 * - unthrottled: the first render after evaluation, a checklist keystroke and
 *   the rule evaluation of a 128-character password.
 *
 * Writes the tables to docs/benchmarks.md. Exits non-zero when a goal or
 * budget is not met.
 *   node scripts/bench.mjs [--no-build] [--runs 15] [--throttled-runs 7]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/support/browser.mjs';
import { startStaticServer } from '../e2e/support/servers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const throttledRuns = Number(args[args.indexOf('--throttled-runs') + 1]) || 7;
const hankoVersion = JSON.parse(readFileSync(`${root}node_modules/@teamhanko/hanko-elements/package.json`, 'utf8')).version;

if (!args.includes('--no-build')) {
  console.log('Building (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    process.exit(1);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipOf = (file) => gzipSync(readFileSync(`${cdnDir}/${file}`), { level: 9 }).length;
const rawOf = (file) => readFileSync(`${cdnDir}/${file}`).length;
/** Summed per file: each is fetched and compressed on its own. */
const total = (group) => [...group].reduce((sum, file) => ({ raw: sum.raw + rawOf(file), gzip: sum.gzip + gzipOf(file) }), { raw: 0, gzip: 0 });
const esFiles = readdirSync(cdnDir, { recursive: true }).filter((file) => file.endsWith('.js') && !file.endsWith('.iife.js'));

/**
 * A file and everything it imports, statically and dynamically (the phone
 * metadata and the PDF writer a step loads on use), without the other steps'
 * files, which pforte.js loads only for a product that configures them.
 */
function closure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  const source = readFileSync(`${cdnDir}/${file}`, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
    const imported = posix.normalize(posix.join(posix.dirname(file), specifier));
    // Other steps load only where configured; one country's phone metadata only when a number needs it; text only in the page's locale.
    if (imported.startsWith('steps/') || /^phone\/[A-Z]{2}\.js$/.test(imported) || imported.startsWith('locales/')) continue;
    closure(imported, into);
  }
  return into;
}
/** `customerLookup` → `steps/customer-lookup-step.js`; undefined for the steps inside pforte.js. */
const stepFile = (id) => {
  const file = `steps/${id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}-step.js`;
  return esFiles.includes(file) ? file : undefined;
};
const stepIdOf = (entry) => (typeof entry === 'string' ? entry : entry.id);

// The products: every config in examples/products/, and the smallest one.
const productsDir = `${root}examples/products`;
const products = [
  { name: 'credentials → done', config: { id: 'credentials-done', username: { kind: 'username' }, steps: ['credentials', 'done'] } },
  ...readdirSync(productsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), config: JSON.parse(readFileSync(`${productsDir}/${file}`, 'utf8')) })),
];

// In headless Chromium: what each product fetches, and the timings.
/** Chrome DevTools' "Fast 3G" (562.5 ms latency, 180 KB/s down), with the CPU slowed 4×. */
const fast3g = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (750 * 1000 / 8) * 0.9 };
const cpuSlowdown = 4;
const cdnPath = '/packages/elements/dist/cdn/';

/** The HTTP contract's first call answered, so the first step shows; later calls are not needed here. */
async function stubBackends(page) {
  await page.route('**/stub-backend/**', (route) => {
    const now = Date.now();
    if (new URL(route.request().url()).pathname.endsWith('/stub-backend/registrations')) {
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ flowId: 'flow-1', expiresAt: now + 3_600_000, now }) });
    }
    return route.fulfill({ status: 404 });
  });
  // Hanko's configuration and session calls: an empty answer each.
  await page.route('**/stub-hanko/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
}

const server = await startStaticServer({ directory: root });
const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Opens `path` in a fresh (cold) context and waits for `window.pforteBench`; `throttled` applies Fast 3G and the CPU slowdown. */
async function open(path, { throttled = false, failOnErrors = true } = {}) {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const errors = [];
  if (failOnErrors) {
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  }
  const fetched = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith(cdnPath)) fetched.push(pathname.slice(cdnPath.length));
  });
  await stubBackends(page);
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', fast3g);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  await page.goto(`${server.url}${path}`);
  const result = await page.waitForFunction(() => window.pforteBench, undefined, { timeout: 60_000 }).then((handle) => handle.jsonValue());
  return { page, context, result, fetched, errors };
}
const productPath = (config) => `scripts/bench/product.html?config=${encodeURIComponent(JSON.stringify(config))}`;

let loads;
let keystroke;
const productRows = [];
const pforteLoads = [];
const hankoLoads = [];
const floorLoads = [];
try {
  // Bytes per product, from Chromium's requests: up to the first interactive
  // step, then over the whole flow (every configured step's file, and the
  // phone metadata and PDF writer those steps load on use).
  for (const product of products) {
    const { page, context, fetched, errors } = await open(productPath(product.config));
    const firstStep = [...new Set(fetched)];
    const later = product.config.steps.map(stepIdOf).map(stepFile).filter(Boolean);
    const onUse = [...new Set(later.flatMap((file) => [...closure(file)]))].map((file) => `${cdnPath}${file}`);
    await page.evaluate((urls) => Promise.all(urls.map((url) => import(url))), onUse);
    // The config validation the first submit waits for (it loads beside the first step).
    await page.evaluate((url) => import(url).then((pforte) => pforte.loadValidation()), `${cdnPath}pforte.js`);
    // A phone field loads its default country's metadata, as the SMS and profile steps' fields do.
    const smsStep = product.config.steps.find((entry) => stepIdOf(entry) === 'sms');
    await page.evaluate(async (country) => {
      if (!customElements.get('pforte-phone-input')) return;
      const field = document.createElement('pforte-phone-input');
      field.setAttribute('default-country', country);
      document.body.append(field);
      await field.validate();
      field.remove();
    }, smsStep?.defaultCountry ?? 'DE');
    // The steps' text in the page's locale, requested as their modules evaluate.
    await page.waitForLoadState('networkidle');
    const wholeFlow = [...new Set(fetched)];
    await context.close();
    if (errors.length > 0) throw new Error(`${product.name}: ${errors.join('\n')}`);
    const unknown = wholeFlow.filter((file) => !esFiles.includes(file));
    if (unknown.length > 0) throw new Error(`${product.name}: fetched files not in dist/cdn: ${unknown.join(', ')}`);
    productRows.push({
      name: product.name,
      steps: product.config.steps.map(stepIdOf).join(' → '),
      firstStep: { files: firstStep.length, ...total(firstStep) },
      wholeFlow: { files: wholeFlow.length, ...total(wholeFlow) },
      phone: total(wholeFlow.filter((file) => file.startsWith('phone/'))),
      commonPasswords: total(wholeFlow.filter((file) => /^common-passwords-[\w-]+\.js$/.test(file))),
      text: total(wholeFlow.filter((file) => file.startsWith('locales/'))),
    });
  }

  // Cold loads on Fast 3G with a 4× slower CPU, Pforte and Hanko Elements taking turns.
  const smallest = products[0].config;
  for (let run = 0; run < throttledRuns; run += 1) {
    const pages = [
      [productPath(smallest), pforteLoads, true],
      ['scripts/bench/hanko.html', hankoLoads, false],
      ['scripts/bench/floor.html', floorLoads, true],
    ];
    for (const [path, into, failOnErrors] of pages) {
      const { context, result, errors } = await open(path, { throttled: true, failOnErrors });
      await context.close();
      if (errors.length > 0) throw new Error(`${path}: ${errors.join('\n')}`);
      into.push(result);
    }
  }

  // Unthrottled: evaluation to first render with the memory adapter, and a keystroke.
  await open('scripts/bench/first-render.html').then(({ context }) => context.close()); // warm-up
  loads = [];
  for (let run = 0; run < runs; run += 1) {
    const { context, result, errors } = await open('scripts/bench/first-render.html');
    await context.close();
    if (errors.length > 0) throw new Error(`first-render: ${errors.join('\n')}`);
    loads.push(result);
  }
  const keystrokePage = await open('scripts/bench/keystroke.html');
  keystroke = keystrokePage.result;
  await keystrokePage.context.close();
} finally {
  await browser.close();
  await server.close();
}

const seed001 = productRows.find((row) => row.name === 'video-consultation');
const firstStepFile = total(['pforte.js']);
// A page without modules fetches the classic loader and the pforte.js it loads.
const iife = total(['pforte.iife.js', 'pforte.js']);
const pforteEvaluated = median(pforteLoads.map((load) => load.evaluatedMs));
const pforteInteractive = median(pforteLoads.map((load) => load.interactiveMs));
const hankoEvaluated = median(hankoLoads.map((load) => load.evaluatedMs));
const hankoBytes = gzipSync(readFileSync(`${root}node_modules/@teamhanko/hanko-elements/dist/elements.js`), { level: 9 }).length;
const ratio = pforteEvaluated / hankoEvaluated;
const floorEvaluated = median(floorLoads.map((load) => load.evaluatedMs));

const goals = [
  { what: 'First step: `pforte.js`, the one file the first step renders from (the config validation loads beside it)', measured: `${kb(firstStepFile.gzip)} in 1 file`, goal: '≤ 20.0 KB in 1 file', met: firstStepFile.gzip <= 20 * 1024 },
  {
    what: 'Whole seed 001 flow (video-consultation) in German, phone metadata, PDF writer and the common-password list included',
    measured: `${kb(seed001.wholeFlow.gzip)} (common-password list ${kb(seed001.commonPasswords.gzip)}, German text ${kb(seed001.text.gzip)})`,
    goal: '≤ 70.0 KB',
    met: seed001.wholeFlow.gzip <= 70 * 1024,
  },
  { what: 'Phone metadata and formatting for a German number (the SMS step): libphonenumber-js, the calling codes, Germany\'s metadata (`phone/`)', measured: kb(seed001.phone.gzip), goal: '≤ 10.0 KB', met: seed001.phone.gzip <= 10 * 1024 },
  { what: 'Classic script: `pforte.iife.js` and the `pforte.js` it loads (later steps on demand)', measured: kb(iife.gzip), goal: '≤ 60.0 KB', met: iife.gzip <= 60 * 1024 },
  {
    what: `Import evaluated, Fast 3G + ${cpuSlowdown}× CPU, cold, median of ${throttledRuns}: Pforte (credentials → done) / Hanko Elements (${kb(hankoBytes)})`,
    measured: `${Math.round(pforteEvaluated)} ms / ${Math.round(hankoEvaluated)} ms = ${ratio.toFixed(2)}×`,
    goal: '≤ 0.6× Hanko',
    met: ratio <= 0.6,
  },
];
const ms = (value) => `${value.toFixed(value < 1 ? 4 : 1)} ms`;
const timingRows = [
  { what: `First step interactive (credentials → done, stub backend), Fast 3G + ${cpuSlowdown}× CPU, cold, median of ${throttledRuns}`, value: pforteInteractive },
  { what: `Hanko Elements: \`register()\` resolved, \`<hanko-auth>\` defined, same conditions, median of ${throttledRuns}`, value: median(hankoLoads.map((load) => load.interactiveMs)) },
  {
    what: `Floor: an empty module loaded the same way (the page, then one module), same conditions, median of ${throttledRuns}; as a share of Hanko's import: ${(floorEvaluated / hankoEvaluated).toFixed(2)}×`,
    value: floorEvaluated,
  },
  { what: `Unthrottled: import of pforte.js and pforte-memory.js evaluated (preloaded), median of ${runs} loads`, value: median(loads.map((load) => load.evaluationMs)) },
  { what: `Unthrottled: first step rendered after evaluation, median of ${runs} loads`, value: median(loads.map((load) => load.renderAfterEvaluationMs)), budget: 50 },
  { what: 'Checklist update on a keystroke (property set → rendered), median of 20 × 50', value: keystroke.checklistUpdateMs },
  { what: `Rule evaluation, ${keystroke.length}-character password, strict10 policy, median per call`, value: keystroke.evaluationMs, budget: 0.1 },
];
const verdict = (met, goal) => (goal === '–' ? '' : met ? 'met' : '**not met**');
const goalTable = [
  '| Goal | Measured | Goal | |',
  '| --- | ---: | ---: | --- |',
  ...goals.map((row) => `| ${row.what} | ${row.measured} | ${row.goal} | ${verdict(row.met, row.goal)} |`),
].join('\n');
const cell = (size) => `${kb(size.gzip)} (${size.files})`;
const productTable = [
  '| Product | Steps | Before the first step is interactive, gzip (files) | Whole flow, gzip (files) |',
  '| --- | --- | ---: | ---: |',
  ...productRows.map((row) => `| ${row.name} | ${row.steps} | ${cell(row.firstStep)} | ${cell(row.wholeFlow)} |`),
].join('\n');
const timingTable = [
  '| Timing (headless Chromium) | Measured | Budget | |',
  '| --- | ---: | ---: | --- |',
  ...timingRows.map((row) => `| ${row.what} | ${ms(row.value)} | ${row.budget === undefined ? '' : `${row.budget < 1 ? '<' : '≤'} ${row.budget} ms`} | ${row.budget === undefined ? '' : verdict(row.value <= row.budget)} |`),
].join('\n');
const tables = `${goalTable}\n\n${productTable}\n\n${timingTable}`;
console.log(`\n${tables}\n`);

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

What a person waits for, measured on the built CDN files in headless Chromium.
Bytes are gzip -9 of each file Chromium requested (each is fetched and
compressed on its own), summed. Reproduce with:

\`\`\`sh
npm run bench            # builds first; --no-build to reuse dist/, --runs N (unthrottled loads), --throttled-runs N
\`\`\`

${tables}

Measured on ${new Date().toISOString().slice(0, 10)}, ${chromium || 'Chromium'}, ${cpus().length} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}.

How: each product of \`examples/products/\` (and the smallest one, credentials →
done) is opened in \`scripts/bench/product.html\` (German, \`<html lang="de">\`)
with \`endpoint\` pointing at a stub of the HTTP contract that answers
\`startRegistration\`. "Before the first step is interactive" is every file
requested until the first step's element has rendered an enabled control
(including what loads beside it: the config validation, the HTTP client, the
next step, which is prefetched then, and its German text); "whole flow" adds
every configured step's file, its German text and what those steps load on use
(phone metadata, PDF writer, the common-password list once a password is
typed), imported in the page. The throttled loads use CDP
(\`Network.emulateNetworkConditions\`: Chrome's Fast 3G, 562.5 ms latency,
180 KB/s; \`Emulation.setCPUThrottlingRate\`: ${cpuSlowdown}×) in a fresh context each,
with Pforte, Hanko Elements ${hankoVersion} (\`scripts/bench/hanko.html\`, its
\`register()\` against a stub API) and an empty module loaded the same way
(\`scripts/bench/floor.html\`: what any page of this shape waits for, the page and
one module request, whatever the module holds) taking turns; files are served
uncompressed by a local server, answers of the stubs are not throttled. The unthrottled first-render page (\`scripts/bench/first-render.html\`)
preloads \`pforte.js\` and the memory adapter and times the evaluation and the
first step's heading appearing; the keystroke page (\`scripts/bench/keystroke.html\`)
sets a \`<pforte-password-checklist>\`'s password to 100–128 characters 1000 times
(20 samples of 50) and calls \`evaluatePassword\` in batches of 1000. Goals and
budgets that are not met fail \`npm run bench\`; it is not part of \`npm test\`.
${keptSections}`,
);
console.log('Wrote docs/benchmarks.md');

const failed = [
  ...goals.filter((row) => !row.met).map((row) => `${row.what}: ${row.measured}, goal ${row.goal}`),
  ...timingRows.filter((row) => row.budget !== undefined && row.value > row.budget).map((row) => `${row.what}: ${ms(row.value)} > ${row.budget} ms`),
];
for (const line of failed) console.error(`Not met: ${line}`);
process.exit(failed.length === 0 ? 0 : 1);
