import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseConfig } from '@pforte/core';

/**
 * Product configs from files: each path is a JSON file or a directory whose
 * `*.json` files are read. The same JSON the widget gets; a product's id is
 * its `id`, else the file name without `.json`. A bad config fails at once,
 * naming the file and the path in it.
 */
export function readProducts(paths: readonly string[]): Record<string, string> {
  const products: Record<string, string> = {};
  for (const path of paths) {
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(path, name))
      : [path];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let id: string;
      try {
        id = parseConfig(text).id ?? basename(file, '.json');
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (products[id] !== undefined) throw new Error(`${file}: a second product with the id "${id}"`);
      products[id] = text;
    }
  }
  return products;
}
