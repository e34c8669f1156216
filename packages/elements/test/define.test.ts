import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement, version } from '../src/internal/define.js';
import manifest from '../package.json';

describe('defineElement', () => {
  it('reports the version of package.json, injected at build time', () => {
    expect(version).to.equal(manifest.version);
  });

  it('lets the first definition win and warns once when another copy defines the same tags', () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class First extends LitElement {}
      class SecondCopy extends LitElement {}
      class SecondCopyOther extends LitElement {}
      defineElement('pforte-define-probe', First);
      expect(() => defineElement('pforte-define-probe', First)).not.to.throw();
      expect(() => defineElement('pforte-define-probe', SecondCopy)).not.to.throw();
      defineElement('pforte-define-probe', SecondCopyOther);
      expect(customElements.get('pforte-define-probe')).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(`version ${version}`);
    } finally {
      console.warn = originalWarn;
    }
  });
});
