#!/usr/bin/env node
/**
 * Writes docs/openapi.json (OpenAPI 3.1) from the HTTP contract in
 * @pforte/core (packages/core/src/http-contract.ts): the same zod schemas the
 * HTTP adapter validates with and the reference server enforces.
 *
 *   node scripts/openapi.mjs           write the document
 *   node scripts/openapi.mjs --check   fail when the committed document is stale
 *
 * Reads the built core (dist); builds it first when dist is missing or older than src.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}docs/openapi.json`;

const built = `${root}packages/core/dist/index.js`;
const sources = `${root}packages/core/src`;
const stale =
  !existsSync(built) ||
  readdirSync(sources).some((file) => statSync(`${sources}/${file}`).mtimeMs > statSync(built).mtimeMs);
if (stale) {
  const { status } = spawnSync('npm', ['run', 'build', '-w', '@pforte/core'], { stdio: 'inherit', cwd: root });
  if (status !== 0) process.exit(status ?? 1);
}
const core = await import('@pforte/core');
const { commonErrorCodes, httpRoutes, pforteErrorCodes, problemSchema, problemStatus } = core;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, without the `$schema` member. */
function jsonSchema(schema, io) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'throw' });
  // Clients strip unknown members of answers (zod objects), so a server may add some: keep answers open.
  if (io === 'output') delete rest.additionalProperties;
  return rest;
}

const pascal = (name) => name[0].toUpperCase() + name.slice(1);

const problem = jsonSchema(problemSchema, 'output');
problem.description =
  'RFC 9457 problem details with Pforte members. `detail` is a backend text, shown only as plain text.';
problem.properties.code = { type: 'string', enum: [...pforteErrorCodes] };

const schemas = { Problem: problem };
const paths = {};
for (const route of httpRoutes) {
  const name = pascal(route.method);
  if (route.verb !== 'GET') schemas[`${name}Request`] = jsonSchema(route.request, 'input');
  if (route.response) schemas[`${name}Result`] = jsonSchema(route.response, 'output');
  const codes = [...commonErrorCodes, ...route.errors];
  const byStatus = new Map();
  for (const code of codes) {
    const status = String(problemStatus[code]);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses = {};
  responses[String(route.status)] = route.response
    ? {
        description: 'Success',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Result` } } },
      }
    : { description: 'Success, no body' };
  for (const [status, list] of [...byStatus].sort(([a], [b]) => Number(a) - Number(b))) {
    responses[status] = {
      description: `Error: ${list.join(', ')}`,
      ...(status === '429' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  responses.default = {
    description: 'Any other error',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  const get = route.verb === 'GET';
  const parameters = get ? [] : [{ $ref: '#/components/parameters/IdempotencyKey' }];
  parameters.push({ $ref: '#/components/parameters/AcceptLanguage' });
  if (route.path.includes('{flowId}')) parameters.unshift({ $ref: '#/components/parameters/FlowId' });
  if (route.path.includes('{signInId}')) parameters.unshift({ $ref: '#/components/parameters/SignInId' });
  const description = route.storesAnswer
    ? 'A repeat with the same Idempotency-Key gets the stored answer; nothing is done twice.'
    : route.method === 'issuePin'
      ? 'The answer holds a secret and is never stored: a repeat issues a fresh PIN and invalidates the unseen one.'
      : 'Never answered from a stored answer: a repeat is a new attempt (a session goes out as the `__Host-pforte-session` cookie, which a stored answer could not carry).';
  paths[route.path] = {
    [get ? 'get' : 'post']: {
      operationId: route.method,
      summary: route.summary,
      description,
      parameters,
      ...(get
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Request` } } },
            },
          }),
      responses,
    },
  };
}

const document = {
  openapi: '3.1.0',
  info: {
    title: 'Pforte registration API',
    version: JSON.parse(readFileSync(`${root}packages/core/package.json`, 'utf8')).version,
    description:
      'The HTTP contract behind `createHttpAdapter` and `<pforte-signup endpoint>`: one POST per adapter method, ' +
      'JSON bodies, errors as application/problem+json (RFC 9457) with a stable Pforte `code`. Generated by ' +
      'scripts/openapi.mjs from packages/core/src/http-contract.ts; do not edit by hand.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: 'http://127.0.0.1:8787', description: 'The reference server (packages/server)' }],
  paths,
  components: {
    schemas,
    parameters: {
      FlowId: { name: 'flowId', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
      SignInId: { name: 'signInId', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'A UUID per logical submit, re-sent unchanged only when the client retries after a network failure or 502/503/504.',
        schema: { type: 'string', maxLength: 255 },
      },
      AcceptLanguage: { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' } },
    },
    headers: {
      RetryAfter: { description: 'Seconds until the action may be retried.', schema: { type: 'integer', minimum: 0 } },
    },
  },
};

const text = `${JSON.stringify(document, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/openapi.json is stale: run `node scripts/openapi.mjs` and commit the result.');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
