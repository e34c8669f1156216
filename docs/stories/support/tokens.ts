import manifest from '../../../packages/elements/dist/custom-elements.json';
import { tokenStyles } from '../../../packages/elements/src/styles/tokens.styles.js';

export interface DesignToken {
  name: string;
  /** The value as written (with `light-dark()` for colours). */
  value: string;
  light: string;
  dark: string;
  isColor: boolean;
  /** From the `@cssproperty` JSDoc of the elements (custom-elements.json). */
  description: string;
}

interface ManifestShape {
  modules: Array<{ declarations?: Array<{ cssProperties?: Array<{ name: string; description?: string }> }> }>;
}

/** Descriptions by property name; the first element that documents a property wins. */
function descriptions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const module of (manifest as ManifestShape).modules) {
    for (const declaration of module.declarations ?? []) {
      for (const property of declaration.cssProperties ?? []) {
        if (property.description && !found.has(property.name)) found.set(property.name, property.description);
      }
    }
  }
  return found;
}

/** Every --pforte-* token declared in tokens.styles.ts, in source order. */
export function designTokens(): DesignToken[] {
  const described = descriptions();
  const tokens: DesignToken[] = [];
  for (const match of tokenStyles.cssText.matchAll(/(--pforte-[\w-]+)\s*:\s*([^;]+);/g)) {
    const name = match[1]!;
    const value = match[2]!.trim();
    const pair = /^light-dark\((.+),\s*([^,]+)\)$/.exec(value);
    tokens.push({
      name,
      value,
      light: pair ? pair[1]!.trim() : value,
      dark: pair ? pair[2]!.trim() : value,
      isColor: name.startsWith('--pforte-color-'),
      description: described.get(name) ?? '',
    });
  }
  return tokens;
}
