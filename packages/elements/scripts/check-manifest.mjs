#!/usr/bin/env node
/**
 * Checks that the Custom Elements Manifest tells the truth about the
 * elements: `npx cem analyze` first (it writes dist/custom-elements.json),
 * then `node scripts/check-manifest.mjs [path/to/custom-elements.json]`,
 * both from packages/elements. Exits 1 with one line per problem.
 *
 * 1. The manifest matches the official schema (`custom-elements-manifest`'s
 *    schema.json, validated with Ajv where both are installed; otherwise the
 *    shape the checks below rely on).
 * 2. Every element with a tag name has a summary; its events have a name,
 *    a detail type and a description, and it declares each event its source
 *    (with its Pforte base classes) dispatches; its CSS parts and slots are
 *    named; it declares each `--pforte-*` property its own styles read; its
 *    public properties and attributes are described.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Modules that only define the navigation helpers (`finish`, `goBack`, …):
 * an element dispatches those events where it or a base class between it
 * and these calls them.
 */
const helperDefinitions = new Set(['src/internal/step-element.ts', 'src/internal/pforte-element.ts']);

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = resolve(process.argv[2] ?? join(packageRoot, 'dist/custom-elements.json'));
const problems = [];

if (!existsSync(manifestPath)) {
  console.error(`check-manifest: ${manifestPath} not found; run \`npx cem analyze\` in packages/elements first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

await validateSchema(manifest);
checkElements(manifest);

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-manifest: ${problem}`);
  console.error(`check-manifest: ${problems.length} problem(s) in ${manifestPath}`);
  process.exit(1);
}
process.stdout.write(`check-manifest: ${countElements(manifest)} elements, manifest complete\n`);

/** Validates against the official schema when it and Ajv can be loaded; otherwise checks the basic shape. */
async function validateSchema(manifest) {
  const require = createRequire(import.meta.url);
  let schema;
  let Ajv;
  try {
    schema = require('custom-elements-manifest/schema.json');
    Ajv = (await import('ajv')).default;
  } catch {
    console.warn('check-manifest: custom-elements-manifest schema or Ajv not installed; checking the shape only');
  }
  if (schema && Ajv) {
    const ajv = new Ajv({ allErrors: true });
    if (!ajv.validate(schema, manifest)) {
      for (const error of ajv.errors ?? []) problems.push(`schema: ${error.dataPath || error.instancePath || '/'} ${error.message}`);
    }
    return;
  }
  if (typeof manifest.schemaVersion !== 'string') problems.push('schema: schemaVersion is missing');
  if (!Array.isArray(manifest.modules)) problems.push('schema: modules is not an array');
  for (const module of manifest.modules ?? []) {
    if (module.kind !== 'javascript-module' || typeof module.path !== 'string') {
      problems.push(`schema: module ${JSON.stringify(module.path)} needs kind "javascript-module" and a path`);
    }
  }
}

function countElements(manifest) {
  return elements(manifest).length;
}

/** The declarations that are elements a page can use: custom elements with a tag name. */
function elements(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => ({ module, declaration })),
  );
}

function checkElements(manifest) {
  for (const { module, declaration } of elements(manifest)) {
    const tag = `<${declaration.tagName}>`;
    if (!declaration.summary?.trim()) problems.push(`${tag} has no @summary`);

    const declared = new Set();
    for (const event of declaration.events ?? []) {
      if (!event.name) problems.push(`${tag} declares an event without a name`);
      if (!event.type?.text) problems.push(`${tag} event ${event.name} has no type (@event {CustomEvent<Detail>} name - text)`);
      if (!event.description?.trim()) problems.push(`${tag} event ${event.name} has no description`);
      declared.add(event.name);
    }
    for (const event of dispatchedEvents(manifest, module, declaration)) {
      if (!declared.has(event)) problems.push(`${tag} dispatches ${event} but does not declare it (@event)`);
    }

    for (const part of declaration.cssParts ?? []) {
      if (!part.name?.trim()) problems.push(`${tag} declares a CSS part without a name`);
    }
    for (const slot of declaration.slots ?? []) {
      if (slot.name === undefined) problems.push(`${tag} declares a slot without a name ("" for the default slot)`);
    }
    const source = sourceOf(module.path);
    for (const match of source.matchAll(/<slot(?:\s+name="([^"]*)")?/g)) {
      const name = match[1] ?? '';
      if (!(declaration.slots ?? []).some((slot) => slot.name === name)) problems.push(`${tag} renders slot "${name}" but does not declare it (@slot)`);
    }

    const cssProperties = new Set((declaration.cssProperties ?? []).map((property) => property.name));
    for (const property of cssPropertiesRead(module.path)) {
      if (!cssProperties.has(property)) problems.push(`${tag} styles read ${property} but it is not declared (@cssproperty)`);
    }
    for (const property of declaration.cssProperties ?? []) {
      if (!property.description?.trim()) problems.push(`${tag} CSS property ${property.name} has no description`);
    }

    for (const member of declaration.members ?? []) {
      const isPublicField = member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public';
      if (isPublicField && !member.description?.trim() && !member.readonly) {
        problems.push(`${tag} property ${member.name} has no description`);
      }
    }
    for (const attribute of declaration.attributes ?? []) {
      if (!attribute.description?.trim()) problems.push(`${tag} attribute ${attribute.name} has no description`);
    }
  }
}

/** Events the element's module and its Pforte base classes dispatch. */
function dispatchedEvents(manifest, module, declaration) {
  const events = new Set();
  for (const path of classChain(manifest, module, declaration)) {
    if (helperDefinitions.has(path)) continue;
    const source = sourceOf(path);
    for (const match of source.matchAll(/emit\(this,\s*'([a-z-]+)'/g)) events.add(match[1]);
    if (/this\.(finish|submitStep)\(/.test(source)) events.add('pforte-step-done');
    if (/this\.(reportError|submitStep)\(/.test(source)) events.add('pforte-error');
    if (/this\.(goBack\(|onBack\b)/.test(source)) events.add('pforte-step-back');
    if (/this\.(skipStep\(|onSkip\b)/.test(source)) events.add('pforte-step-skip');
  }
  return events;
}

/** Source paths of the element's class and of its superclasses inside this package. */
function classChain(manifest, module, declaration) {
  const paths = [toSource(module.path)];
  let superclass = declaration.superclass;
  while (superclass?.module?.startsWith('dist/')) {
    const home = manifest.modules.find((candidate) => candidate.path === superclass.module);
    const parent = home?.declarations?.find((candidate) => candidate.name === superclass.name);
    paths.push(toSource(superclass.module));
    superclass = parent?.superclass;
  }
  return paths;
}

/** `--pforte-*` custom properties read (`var(--pforte-…)`) by the style modules the element's module imports. */
function cssPropertiesRead(modulePath) {
  const source = sourceOf(toSource(modulePath));
  const read = new Set();
  const sourceDir = dirname(toSource(modulePath));
  for (const match of source.matchAll(/from '(\.{1,2}\/[^']+\.styles\.js)'/g)) {
    const stylesPath = join(sourceDir, match[1]).replace(/\.js$/, '.ts');
    for (const use of sourceOf(stylesPath).matchAll(/var\((--pforte-[a-z0-9-]+)/g)) read.add(use[1]);
  }
  return read;
}

function toSource(path) {
  return path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
}

function sourceOf(path) {
  const file = join(packageRoot, toSource(path));
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
