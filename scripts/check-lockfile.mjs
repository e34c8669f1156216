#!/usr/bin/env node
/**
 * Checks package-lock.json without installing anything (plain Node, no
 * dependency loaded):
 *
 * 1. Every package of the lockfile finds each of its optionalDependencies in
 *    the lockfile (where Node would resolve it: its own node_modules, then the
 *    parents'). npm ci on another platform needs them: a lockfile resolved
 *    against a registry that answered 404 for, say, `@rollup/rollup-darwin-arm64`
 *    passes here and fails on a Mac.
 * 2. The lockfile agrees with package.json and every workspace's package.json:
 *    the same workspaces, the same declared ranges, and each locked version
 *    inside its range.
 *
 * Prints one line per problem and exits 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const lock = readJson('package-lock.json');
const manifest = readJson('package.json');
const packages = lock.packages ?? {};
const problems = [];

if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3 (npm 9 or later)`);

/** Where Node resolves `name` from the package at `location`: its node_modules, then each parent's. */
function resolveLocation(location, name) {
  let base = location;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const index = base.lastIndexOf('/node_modules/');
    // A workspace (packages/core) falls back to the root's node_modules.
    base = index === -1 ? '' : base.slice(0, index);
  }
}

// 1. Optional platform packages.
for (const [location, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolveLocation(location, name)) {
      problems.push(`${location || 'root'} lists optional dependency ${name}, which the lockfile lacks`);
    }
  }
}

// 2. package.json files against the lockfile.
const sameList = (a = [], b = []) => a.length === b.length && a.every((item, index) => item === b[index]);
if (!sameList(manifest.workspaces, packages['']?.workspaces)) {
  problems.push(`workspaces differ: package.json ${JSON.stringify(manifest.workspaces)}, lockfile ${JSON.stringify(packages['']?.workspaces)}`);
}

const fields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const workspaces = ['', ...(manifest.workspaces ?? [])];
for (const workspace of workspaces) {
  const label = workspace || 'package.json';
  let own;
  try {
    own = readJson(workspace ? `${workspace}/package.json` : 'package.json');
  } catch {
    problems.push(`${label}: no package.json`);
    continue;
  }
  const locked = packages[workspace];
  if (!locked) {
    problems.push(`${label}: missing from the lockfile`);
    continue;
  }
  if (workspace && locked.version !== own.version) {
    problems.push(`${label}: version ${own.version}, lockfile ${locked.version}`);
  }
  if (workspace && packages[`node_modules/${own.name}`]?.resolved !== workspace) {
    problems.push(`${label}: node_modules/${own.name} is not linked to ${workspace} in the lockfile`);
  }
  for (const field of fields) {
    const declared = own[field] ?? {};
    const recorded = locked[field] ?? {};
    for (const name of new Set([...Object.keys(declared), ...Object.keys(recorded)])) {
      if (declared[name] !== recorded[name]) {
        problems.push(`${label} ${field}.${name}: package.json ${declared[name] ?? '(none)'}, lockfile ${recorded[name] ?? '(none)'}`);
        continue;
      }
      if (field === 'peerDependencies') continue;
      const at = resolveLocation(workspace, name);
      const target = at && packages[at];
      if (!target) {
        if (field !== 'optionalDependencies') problems.push(`${label} ${field}.${name}: not in the lockfile`);
        continue;
      }
      const version = target.link ? packages[target.resolved]?.version : target.version;
      if (version && !satisfies(version, declared[name])) {
        problems.push(`${label} ${field}.${name}: range ${declared[name]}, locked ${version}`);
      }
    }
  }
}

/**
 * Enough of semver ranges for package.json files: `^`, `~`, comparators,
 * x-ranges, `||` and hyphen ranges. Anything else (tags, URLs, `workspace:`)
 * is accepted: npm ci checks those itself.
 */
function satisfies(version, range) {
  const parse = (text) => {
    const match = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+\S*)?$/.exec(text.trim());
    if (!match) return undefined;
    const part = (value) => (value === undefined || /[xX*]/.test(value) ? undefined : Number(value));
    return { major: part(match[1]), minor: part(match[2]), patch: part(match[3]), pre: match[4] };
  };
  const v = parse(version);
  if (!v || v.major === undefined) return true;
  const compare = (a, b) => {
    for (const key of ['major', 'minor', 'patch']) if ((a[key] ?? 0) !== (b[key] ?? 0)) return (a[key] ?? 0) - (b[key] ?? 0);
    if (a.pre === b.pre) return 0;
    if (!a.pre) return 1;
    if (!b.pre) return -1;
    return a.pre < b.pre ? -1 : 1;
  };
  const bump = (p, key) =>
    key === 'major' ? { major: p.major + 1, minor: 0, patch: 0, pre: '0' } : { major: p.major, minor: p.minor + 1, patch: 0, pre: '0' };
  const test = (op, p) => {
    const c = compare(v, p);
    return { '>': c > 0, '>=': c >= 0, '<': c < 0, '<=': c <= 0, '=': c === 0 }[op];
  };
  /** One comparator as [op, version] pairs that must all hold; undefined when not understood. */
  const comparator = (text) => {
    const match = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(text);
    if (!match) return undefined;
    const op = match[1] ?? '';
    const p = parse(match[2]);
    if (!p) return undefined;
    const low = { major: p.major ?? 0, minor: p.minor ?? 0, patch: p.patch ?? 0, pre: p.pre };
    if (p.major === undefined) return [];
    if (op === '^') {
      if (p.major > 0 || p.minor === undefined) return [['>=', low], ['<', bump(low, 'major')]];
      if (p.minor > 0 || p.patch === undefined) return [['>=', low], ['<', bump(low, 'minor')]];
      return [['>=', low], ['<', { ...low, patch: low.patch + 1, pre: '0' }]];
    }
    if (op === '~') return [['>=', low], ['<', p.minor === undefined ? bump(low, 'major') : bump(low, 'minor')]];
    if (op === '' || op === '=') {
      if (p.minor === undefined) return [['>=', low], ['<', bump(low, 'major')]];
      if (p.patch === undefined) return [['>=', low], ['<', bump(low, 'minor')]];
      return [['=', low]];
    }
    return [[op, low]];
  };
  return range.split('||').some((alternative) => {
    const text = alternative.trim();
    if (text === '' || text === '*' || text === 'latest') return true;
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    const parts = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : text.split(/\s+/);
    const all = [];
    for (const part of parts) {
      const pairs = comparator(part);
      if (!pairs) return true;
      all.push(...pairs);
    }
    // A prerelease only satisfies a range that names a prerelease of the same version.
    if (v.pre && !all.some(([, p]) => p.pre && p.pre !== '0' && p.major === v.major && p.minor === v.minor && p.patch === v.patch)) {
      if (all.length > 0) return false;
    }
    return all.every(([op, p]) => test(op, p));
  });
}

if (problems.length > 0) {
  for (const problem of problems) console.log(`  ${problem}`);
  console.log(`package-lock.json: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log(`package-lock.json: ${Object.keys(packages).length - 1} packages, every optional platform package present, in step with ${workspaces.length} package.json files`);
