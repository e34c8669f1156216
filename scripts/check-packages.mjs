#!/usr/bin/env node
/**
 * Checks the built npm packages as they would be published (`npm run build`
 * first): packs each one with `npm pack`, runs publint (strict) on the package
 * and are-the-types-wrong on the tarball (ESM only, so the `esm-only` profile
 * ignores CommonJS resolution), then checks what those tools do not know
 * about: every element has its entry point, type map entry and manifest
 * entry, and @lit/localize stays private to @pforte/elements.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['packages/core', 'packages/elements'];
const problems = [];
const packDir = mkdtempSync(join(tmpdir(), 'pforte-pack-'));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, ...options });
  return { ok: result.status === 0, stdout: result.stdout ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

try {
  for (const dir of packages) {
    const pkgDir = join(root, dir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    console.log(`\n${pkg.name}@${pkg.version}`);
    if (!existsSync(join(pkgDir, 'dist'))) {
      problems.push(`${pkg.name}: no dist/ (run npm run build first)`);
      continue;
    }

    const { messages } = await publint({ pkgDir, strict: true, level: 'suggestion' });
    for (const message of messages) {
      const text = `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`;
      console.log(`  ${text}`);
      if (message.type !== 'suggestion') problems.push(`${pkg.name}: ${text}`);
    }
    if (messages.length === 0) console.log('  publint: clean');

    const packed = run('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: pkgDir });
    if (!packed.ok) {
      problems.push(`${pkg.name}: npm pack failed\n${packed.output}`);
      continue;
    }
    const [{ filename, files }] = JSON.parse(packed.stdout);
    console.log(`  npm pack: ${files.length} files`);
    const attw = run('npx', ['attw', join(packDir, filename), '--profile', 'esm-only', '--format', 'table-flipped']);
    console.log(attw.output.replace(/^npm warn.*\n/gm, '').trim().replace(/^/gm, '  '));
    if (!attw.ok) problems.push(`${pkg.name}: are-the-types-wrong found problems`);

    const published = new Set(files.map((file) => file.path));
    if ([...published].some((path) => path.endsWith('.test.ts') || path.includes('node_modules/'))) {
      problems.push(`${pkg.name}: the tarball holds test files or a node_modules folder`);
    }
    if (pkg.name === '@pforte/elements') checkElements(pkgDir, pkg, published);
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

function checkElements(pkgDir, pkg, published) {
  const names = readdirSync(join(pkgDir, 'src/define'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -3));
  const manifest = JSON.parse(readFileSync(join(pkgDir, pkg.customElements), 'utf8'));
  const manifestTags = new Set(
    manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => declaration.tagName)).filter(Boolean),
  );
  const declarations = readdirSync(join(pkgDir, 'dist'), { recursive: true })
    .filter((file) => String(file).endsWith('.d.ts'))
    .map((file) => readFileSync(join(pkgDir, 'dist', String(file)), 'utf8'))
    .join('\n');
  for (const name of names) {
    const tag = `pforte-${name}`;
    const entry = pkg.exports[`./${name}.js`];
    if (!entry) problems.push(`@pforte/elements: exports lacks "./${name}.js": {"types": "./dist/${name}.d.ts", "default": "./dist/${name}.js"}`);
    if (!pkg.sideEffects.includes(`./dist/${name}.js`)) problems.push(`@pforte/elements: sideEffects lacks "./dist/${name}.js"`);
    for (const file of [`dist/${name}.js`, `dist/${name}.d.ts`, `dist/define/${name}.js`]) {
      if (!published.has(file)) problems.push(`@pforte/elements: ${file} is not in the tarball`);
    }
    if (!new RegExp(`['"]${tag}['"]\\s*:`).test(declarations)) problems.push(`@pforte/elements: no HTMLElementTagNameMap entry for <${tag}> in dist/**/*.d.ts`);
    if (!manifestTags.has(tag)) problems.push(`@pforte/elements: custom-elements.json lacks <${tag}>`);
  }
  for (const event of ['pforte-step-change', 'pforte-complete', 'pforte-error']) {
    if (!declarations.includes(`'${event}': CustomEvent<`)) problems.push(`@pforte/elements: HTMLElementEventMap lacks ${event}`);
  }
  const javascript = [...published].filter((path) => path.startsWith('dist/') && path.endsWith('.js') && !path.startsWith('dist/cdn/'));
  for (const path of javascript) {
    if (/^\s*(import|export)\b[^;]*["']@lit\/localize["']|\bimport\(\s*["']@lit\/localize["']/m.test(readFileSync(join(pkgDir, path), 'utf8'))) {
      problems.push(`@pforte/elements: ${path} imports the shared @lit/localize instead of the bundled private copy`);
    }
  }
  for (const file of ['dist/cdn/pforte.js', 'dist/cdn/pforte-all.js', 'dist/cdn/pforte-memory.js', 'dist/cdn/pforte.iife.js', 'dist/cdn/pforte-memory.iife.js', 'dist/cdn/steps/sms-step.js', 'dist/cdn/pforte-signin.js', 'dist/cdn/pforte-account.js']) {
    if (!published.has(file)) problems.push(`@pforte/elements: ${file} is not in the tarball`);
  }
  console.log(`  elements: ${names.length} entry points, ${manifestTags.size} manifest tags checked`);
}

console.log('');
for (const problem of problems) console.log(`FAIL ${problem}`);
console.log(problems.length === 0 ? 'packages: all checks passed' : `packages: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
