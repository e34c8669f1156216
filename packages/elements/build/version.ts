import { readFileSync } from 'node:fs';

/** The name of the build-time constant that holds the package version (see src/internal/define.ts). */
export const versionConstant = '__PFORTE_VERSION__';

/** `@pforte/elements`' version, read from its package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Vite's `define` entry that replaces the constant with the version string. */
export function versionDefine(): Record<string, string> {
  return { [versionConstant]: JSON.stringify(packageVersion()) };
}
