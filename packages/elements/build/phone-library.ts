import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const helpersId = '\0pforte-babel-helpers';
const libraryId = '\0pforte-phone-library';
/** A Babel helper as libphonenumber-js's ES build defines it, on one line at the top of each module that uses it. */
const helperLine = /^function (_\w+|ownKeys)\(.*\}$/gm;
/** The Babel helpers the library's ES build carries (its own functions may start with `_` too). */
const babelHelpers = new Set(
  '_typeof _toPropertyKey _toPrimitive _unsupportedIterableToArray _arrayLikeToArray _defineProperties _createClass _classCallCheck _createForOfIteratorHelperLoose _defineProperty _objectSpread ownKeys _slicedToArray _nonIterableRest _iterableToArrayLimit _arrayWithHoles _toConsumableArray _nonIterableSpread _iterableToArray _arrayWithoutHoles _wrapNativeSuper _setPrototypeOf _readOnlyError _possibleConstructorReturn _isNativeReflectConstruct _isNativeFunction _inherits _getPrototypeOf _construct _callSuper _assertThisInitialized'.split(' '),
);
/** Whether a matched line is a whole Babel helper (its braces balance), not the start of a longer function. */
const isWhole = (line: string) => babelHelpers.has(/^function (\w+)/.exec(line)![1]!) && line.split('{').length === line.split('}').length;
const helperLines = (code: string) => [...code.matchAll(helperLine)].filter((match) => isWhole(match[0]));

/**
 * Helpers whose ES5 form the files' target (ES2022) does not need, in the
 * form that target has: the same results for what the library passes them
 * (arrays, strings, plain objects, its own classes).
 */
const modernHelpers: Record<string, string> = {
  _typeof: 'function _typeof(o) { return typeof o; }',
  _classCallCheck: 'function _classCallCheck() {}',
  _toPropertyKey: 'function _toPropertyKey(t) { return typeof t === "symbol" ? t : String(t); }',
  _objectSpread: 'function _objectSpread(e, ...r) { return Object.assign(e, ...r); }',
  _slicedToArray: 'function _slicedToArray(r) { return Array.from(r); }',
  _toConsumableArray: 'function _toConsumableArray(r) { return Array.from(r); }',
  _createForOfIteratorHelperLoose: 'function _createForOfIteratorHelperLoose(o) { const i = o[Symbol.iterator](); return i.next.bind(i); }',
};

/**
 * libphonenumber-js, smaller, for the script-tag files (the phone support
 * chunk under `phone/`), with the same code paths:
 *
 * - core's `phone-library.ts` becomes the two pieces the phone field calls:
 *   `Metadata`, and `parsePhoneNumberFromString` as the library's own
 *   `parsePhoneNumber_` with the options object core passes (the public
 *   function only adds the parsing of its variable arguments on top);
 * - the Babel helpers that each module of the library's ES build defines for
 *   itself (`_typeof`, `_createClass`, …) are defined once and imported, the
 *   ones ES2022 has built in in their ES2022 form ({@link modernHelpers}).
 */
export function smallerPhoneLibrary(): Plugin {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('libphonenumber-js/package.json')), 'es6');
  const helpers = new Map<string, string>();
  const scan = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) scan(join(dir, entry.name));
      else if (entry.name.endsWith('.js')) {
        for (const match of helperLines(readFileSync(join(dir, entry.name), 'utf8'))) {
          const known = helpers.get(match[1]!);
          if (known !== undefined && known !== match[0]) throw new Error(`libphonenumber-js: two definitions of ${match[1]}`);
          helpers.set(match[1]!, match[0]);
        }
      }
    }
  };
  scan(root);
  return {
    name: 'pforte-smaller-phone-library',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === helpersId) return helpersId;
      if (source === './phone-library.js' && importer && /[\\/]core[\\/]src[\\/]phone\.ts$/.test(importer)) return libraryId;
      return null;
    },
    load(id) {
      if (id === helpersId) {
        const definitions = [...helpers].map(([name, line]) => modernHelpers[name] ?? line);
        return `${definitions.join('\n')}\nexport { ${[...helpers.keys()].join(', ')} };\n`;
      }
      if (id !== libraryId) return null;
      return `export { default as Metadata } from ${JSON.stringify(join(root, 'metadata.js'))};
import parsePhoneNumber from ${JSON.stringify(join(root, 'parsePhoneNumber_.js'))};
export function parsePhoneNumberFromString(text, country, metadata) {
  return parsePhoneNumber(text, typeof country === 'string' ? { defaultCountry: country } : country, metadata);
}
`;
    },
    transform(code, id) {
      if (!id.startsWith(root)) return null;
      const used = helperLines(code).map((match) => match[1]!);
      if (used.length === 0) return null;
      // Each helper line becomes an empty line, so the source map stays right.
      const stripped = code.replace(helperLine, (line) => (isWhole(line) ? '' : line));
      return { code: `${stripped}\nimport { ${used.join(', ')} } from ${JSON.stringify(helpersId)};\n`, map: null };
    },
  };
}
