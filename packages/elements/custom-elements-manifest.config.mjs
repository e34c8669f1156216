/**
 * Custom Elements Manifest (`dist/custom-elements.json`, the package's
 * `customElements` field) for IDEs, Storybook and docs: `npx cem analyze`
 * (run by `npm run build`). Reads the JSDoc `@summary`, `@event`,
 * `@cssproperty`, `@csspart` and `@slot` tags of the element classes.
 *
 * Pforte defines its elements through `defineElement(tag, Class)` in
 * src/define/*.ts (first definition wins), which the analyzer does not know,
 * so a plugin records those calls as the tag names; another points module
 * paths at the published JavaScript instead of the TypeScript sources.
 */

/** Records `defineElement('pforte-x', PforteX)` as the tag name of `PforteX`. */
function defineElementCalls() {
  const definitions = [];
  return {
    name: 'pforte-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !constructor || !ts.isStringLiteral(tag) || !ts.isIdentifier(constructor)) return;
      definitions.push({ modulePath: moduleDoc.path, tagName: tag.text, className: constructor.text });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      // The analyzer reads `customElements.define(tagName, …)` inside defineElement itself as a definition.
      for (const module of modules) {
        module.exports = module.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'),
        );
      }
      for (const { modulePath, tagName, className } of definitions) {
        const home = modules.find((module) =>
          (module.declarations ?? []).some((declaration) => declaration.kind === 'class' && declaration.name === className),
        );
        const declaration = home?.declarations.find((candidate) => candidate.name === className);
        if (!home || !declaration) throw new Error(`custom-elements manifest: class ${className} (<${tagName}>) not found`);
        declaration.tagName = tagName;
        declaration.customElement = true;
        const defining = modules.find((module) => module.path === modulePath);
        defining.exports = [
          ...(defining.exports ?? []),
          { kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: home.path } },
        ];
      }
    },
  };
}

/**
 * `src/signup/signup.ts` → `dist/signup/signup.js`, as published; also the
 * superclass references, which the analyzer writes as `/src/….js`.
 */
function publishedPaths() {
  const toDist = (path) => path?.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'pforte-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      // The analyzer shares objects between declarations (inherited members), so some are reached twice.
      const seen = new WeakSet();
      const visit = (value) => {
        if (!value || typeof value !== 'object' || seen.has(value)) return;
        seen.add(value);
        if (Array.isArray(value)) return value.forEach(visit);
        for (const [key, child] of Object.entries(value)) {
          if ((key === 'path' || key === 'module') && typeof child === 'string') value[key] = toDist(child);
          else visit(child);
        }
      };
      visit(customElementsManifest.modules);
    },
  };
}

/** Drops the elements' static `pforteStyles` (their adopted style sheets: internal, not an API) so docs and Storybook's Controls do not list them. */
function withoutStyleSheets() {
  return {
    name: 'pforte-without-style-sheets',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((member) => !(member.static && member.name === 'pforteStyles'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/generated/**', 'src/styles/**', 'src/cdn.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  dependencies: false,
  plugins: [defineElementCalls(), publishedPaths(), withoutStyleSheets()],
};
