#!/usr/bin/env node
/**
 * Writes docs/config-reference.md, the reference of every config option and
 * step, from the config schema and the step registry in @pforte/core: types,
 * defaults and ranges come from the schema itself (zod → JSON Schema), what a
 * step is for and where it may stand from its descriptor
 * (packages/core/src/steps/), so the reference cannot drift from what
 * `parseConfig` accepts.
 *
 *   node scripts/config-reference.mjs           write the reference
 *   node scripts/config-reference.mjs --check   fail when the committed one is stale
 *
 * Reads the built core; run after `npm run build` (npm test does).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { builtinSteps, configSchema } from '@pforte/core';

const target = fileURLToPath(new URL('../docs/config-reference.md', import.meta.url));
const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });

/** What each option and step is for; the schema says what it accepts. */
const purposes = {
  id: 'The product\'s id (lower case, digits, `-`). The backend binds each registration to the product with this id and enforces its config: its steps, their options, the password policy. Needed where one server serves several products.',
  product: 'The product name, shown on the done page, the printed service PIN and the invitation page.',
  steps: 'The registration steps in order. A step left out is dropped; `optional: true` offers "later" where a step allows it.',
  username: 'What the person signs in with: an e-mail address or a free username, and its length.',
  passwordPolicy: 'A preset (`nist`, `strict10`, `min8`) or your own list of rules.',
  locale: 'Forces a language; otherwise the `locale` attribute, `<html lang>`, the browser, English. Arabic is laid out right to left.',
  locales: 'The languages the product offers, e.g. `["de", "en", "tr"]`; the page\'s and the browser\'s language are matched among them, else English when offered, else the first. All ten when unset.',
  strings: 'Per-product wording by locale and message id, e.g. `{"de": {"credentials.heading": "…"}}`; placeholders `{0}`, `{1}`.',
  requestTimeoutMs: 'How long one adapter call may take before the person sees a timeout with "Try again".',
  signInUrl: 'Where people sign in; linked when a registration link was already used.',
  signIn: 'How people sign in: the lock after wrong passwords, second-factor codes, reset links, session timeouts, the "Forgot your password?" and "Register" links. Without it a backend uses the defaults.',
  account: 'What `<pforte-account>` shows a signed-in person, in this order: `sections` (`organization` needs the `organization` step). A section left out is not shown; without `account`, every section whose registration step the product has.',
};
const list = (ids) => ids.map((id) => `\`${id}\``).join(', ');
const mayBeOptional = builtinSteps.filter(
  (step) => !z.safeParse(step.schema, { id: step.id, optional: true }).error?.issues.some((issue) => issue.path[0] === 'optional'),
);
const orderRules = [
  ...builtinSteps.filter((step) => step.position).map((step) => `\`${step.id}\`, if present, is the ${step.position} step.`),
  `\`credentials\` is required. ${list(builtinSteps.filter((step) => step.after?.includes('credentials')).map((step) => step.id))} need \`credentials\` before them.`,
  ...builtinSteps.filter((step) => step.constraint).map((step) => `\`${step.id}\` ${step.constraint}`),
  `A step appears once. Only ${list(mayBeOptional.map((step) => step.id))} may be \`optional\`.`,
];

const urlPattern = '^(https?:\\/\\/[^\\s/?#]+[^\\s]*|\\/[^\\s]*)$';

function typeOf(property) {
  if (property.pattern === urlPattern) return 'an http(s) URL or a path starting with `/`';
  if (property.const !== undefined) return `\`${JSON.stringify(property.const)}\``;
  if (property.enum) return property.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' | ');
  if (property.anyOf || property.oneOf) return (property.anyOf ?? property.oneOf).map(typeOf).join(' | ');
  if (property.type === 'array') return `array of ${typeOf(property.items ?? {})}`;
  if (property.type === 'object' && property.properties) return 'object';
  if (property.type === 'object' && property.propertyNames?.enum) {
    const keys = property.propertyNames.enum.map((key) => `\`${key}\``).join(', ');
    return `object: any of ${keys} → ${typeOf(property.additionalProperties ?? {})}`;
  }
  if (property.type === 'object') return 'object (by key)';
  const range =
    property.minimum !== undefined && property.maximum !== undefined ? ` ${property.minimum}–${property.maximum}` : '';
  const pattern = property.pattern ? ` matching \`${property.pattern}\`` : '';
  return `${property.type === 'integer' ? 'whole number' : (property.type ?? 'any')}${range}${pattern}`;
}

const defaultOf = (property) => (property.default === undefined ? '—' : `\`${JSON.stringify(property.default)}\``);
const escapeCell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const lines = [
  '# Config reference',
  '',
  '<!-- Generated by `node scripts/config-reference.mjs` from the config schema (packages/core/src/config.ts). Do not edit. -->',
  '',
  'A product configuration is JSON (the `config` attribute of `<pforte-signup>`) or an object (the `config` property).',
  'An invalid one is rejected with one message naming the path, e.g. `steps[2].codeLength: expected 4–10`; unknown keys are errors.',
  '',
  '## Options',
  '',
  '| option | accepts | default | what it is for |',
  '|---|---|---|---|',
];
for (const [name, property] of Object.entries(schema.properties)) {
  if (name === 'steps') {
    lines.push(`| \`steps\` | array of step ids or step objects (see [Steps](#steps)) | ${escapeCell(defaultOf(property))} | ${purposes.steps} |`);
    continue;
  }
  lines.push(`| \`${name}\` | ${escapeCell(typeOf(property))} | ${escapeCell(defaultOf(property))} | ${purposes[name] ?? ''} |`);
}
const username = schema.properties.username;
lines.push('', '### `username`', '', '| key | accepts | default |', '|---|---|---|');
for (const [name, property] of Object.entries(username.properties ?? {})) {
  lines.push(`| \`${name}\` | ${escapeCell(typeOf(property))} | ${escapeCell(defaultOf(property))} |`);
}

const signIn = schema.properties.signIn;
lines.push('', '### `signIn`', '', '| key | accepts | default |', '|---|---|---|');
for (const [name, property] of Object.entries(signIn.properties ?? {})) {
  const fields = property.properties
    ? `object: ${Object.entries(property.properties)
        .map(([key, value]) => `\`${key}\` ${typeOf(value)}${value.default === undefined ? '' : ` (default \`${JSON.stringify(value.default)}\`)`}`)
        .join(', ')}`
    : typeOf(property);
  lines.push(`| \`${name}\` | ${escapeCell(fields)} | ${escapeCell(defaultOf(property))} |`);
}

lines.push('', '## Steps', '', 'Each entry of `steps` is a step id, or an object with `id` and the step\'s options.', '');
const stepObjects = schema.properties.steps.items.anyOf.find((candidate) => candidate.oneOf).oneOf;
for (const { id, summary } of builtinSteps) {
  const step = stepObjects.find((candidate) => candidate.properties.id.const === id);
  lines.push(`### \`${id}\``, '', summary, '');
  const options = Object.entries(step.properties).filter(([name]) => name !== 'id');
  const required = new Set(step.required ?? []);
  lines.push('| option | accepts | default |', '|---|---|---|');
  for (const [name, property] of options) {
    const fields = property.properties
      ? `object: ${Object.entries(property.properties)
          .map(([key, value]) => `\`${key}\` ${typeOf(value)}${value.default === undefined ? '' : ` (default \`${JSON.stringify(value.default)}\`)`}`)
          .join(', ')}`
      : typeOf(property);
    const defaultText = required.has(name) ? 'required' : defaultOf(property);
    lines.push(`| \`${name}\` | ${escapeCell(fields)} | ${escapeCell(defaultText)} |`);
  }
  lines.push('');
}
lines.push('## Order rules', '', ...orderRules.map((rule) => `- ${rule}`), '');

const text = `${lines.join('\n')}`;
if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== text) {
    console.error('docs/config-reference.md is stale: run node scripts/config-reference.mjs');
    process.exit(1);
  }
  console.log('docs/config-reference.md is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
