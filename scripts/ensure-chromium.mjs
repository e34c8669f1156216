#!/usr/bin/env node
/**
 * Finds the Chromium the browser checks run in: CHROMIUM_PATH, else
 * /usr/bin/chromium (Debian's package; no browser is ever downloaded by npm).
 * When it is missing and this runs as root, installs Debian's `chromium` with
 * apt-get; otherwise says in one line how to install it.
 *
 * Plain Node, no dependency: `npm test` calls it before any browser check.
 * As a script: exits 0 with the path on stdout, 1 when there is no Chromium.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultChromiumPath = '/usr/bin/chromium';

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Returns `{ path }` when Chromium is there (after installing it if need be),
 * or `{ error }`: one line saying what to do.
 */
export function ensureChromium({ log = console.log, install = true } = {}) {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    return executable(configured)
      ? { path: configured }
      : { error: `CHROMIUM_PATH=${configured} is not an executable; point it at a Chromium or Chrome binary, or unset it to use ${defaultChromiumPath}` };
  }
  if (executable(defaultChromiumPath)) return { path: defaultChromiumPath };
  const hint = `no Chromium at ${defaultChromiumPath}: install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!install || !isRoot || !hasApt) return { error: hint };
  log(`No Chromium at ${defaultChromiumPath}; installing Debian's chromium package with apt-get (running as root) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-y'], { stdio: 'inherit', env });
  const installed =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env }).status === 0;
  if (installed && executable(defaultChromiumPath)) return { path: defaultChromiumPath };
  return { error: `apt-get could not install chromium; ${hint}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = ensureChromium({ log: (line) => console.error(line) });
  if (result.error) {
    console.error(result.error);
    process.exit(1);
  }
  console.log(result.path);
}
