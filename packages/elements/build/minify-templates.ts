import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/**
 * Minifies the `html` and `css` template literals of the element sources at
 * build time. Lit templates keep their indentation otherwise, and it is a few
 * kilobytes of the first step's budget. Whitespace between inline content is
 * collapsed to one space, never removed, so text reads the same.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'pforte-minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!/[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
      if (!/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        html: { collapseWhitespace: true, conservativeCollapse: true, removeComments: false },
      });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
