/**
 * Installs the locked packages (`npm ci`) when node_modules is missing or
 * older than package-lock.json: npm records each install in
 * node_modules/.package-lock.json. Plain Node, no dependency: `npm test` and
 * `npm start` call it before they load anything from node_modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function installWhenStale({ log = console.log } = {}) {
  const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
  const installedAt = mtime(join(root, 'node_modules', '.package-lock.json'));
  // A second of slack: `npm install` writes both files, the lockfile last.
  if (installedAt > 0 && installedAt + 1000 >= mtime(join(root, 'package-lock.json'))) return;
  log(
    installedAt === 0
      ? 'node_modules is missing: installing the locked packages (npm ci) …'
      : 'package-lock.json is newer than node_modules: installing the locked packages (npm ci) …',
  );
  const { status } = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error('npm ci failed (see above); the locked packages are needed.');
    process.exit(1);
  }
}
