/**
 * A web-test-runner plugin that mounts the reference server at `/pforte` of
 * the test page's own origin, on in-memory PGlite, serving the seed products
 * of examples/products/ and the data the browser tests register against. The
 * products test then runs every seed product against it as it runs them
 * against the memory adapter. Needs the built server (`npm run build`; the
 * `browser` check of `npm test` runs after it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const seed = JSON.parse(readFileSync(new URL('./reference-server-seed.json', import.meta.url), 'utf8'));

/** The middleware that serves /pforte (ahead of the static files) and the plugin that closes the server. */
export function referenceServer() {
  let server;
  /** The test page's origin, from the runner's config: the only origin the server allows. */
  let pageOrigin;
  const start = async () => {
    const { createPforteServer, readProducts } = await import(`${root}packages/server/dist/src/index.js`);
    return createPforteServer({
      basePath: '/pforte',
      production: false,
      products: readProducts([`${root}examples/products`]),
      seed,
      allowedOrigins: [pageOrigin],
      // Every test runs from one address: the per-client throttles are the server tests' subject, not these.
      flowStartsPerIpPerHour: 100_000,
      hashesPerIpPerHour: 100_000,
      lookupsPerIpPerHour: 100_000,
      smsPerIpPerHour: 100_000,
      requestBurstPerIp: 1_000_000,
      // Cheap hashing for tests; the server's default cost is for production.
      scryptCost: { N: 1024, r: 8, p: 1 },
    });
  };
  return {
    async middleware(context, next) {
      if (!context.path.startsWith('/pforte/')) return next();
      server ??= start();
      const { handler } = await server;
      // The node handler answers; koa stands aside (and its request log sees no 404).
      context.respond = false;
      context.status = 200;
      handler(context.req, context.res);
    },
    plugin: {
      name: 'pforte-reference-server',
      serverStart({ config }) {
        pageOrigin = `${config.http2 ? 'https' : 'http'}://${config.hostname}:${config.port}`;
      },
      async serverStop() {
        if (server) await (await server).close();
      },
    },
  };
}
