import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { matchLocale, setLocale, setStringOverrides } from '@pforte/elements';
import { localeDirection } from '@pforte/core';
import manifest from '../../packages/elements/dist/custom-elements.json';
import { storyThemes, type StoryThemeName } from '../stories/support/themes.js';
import './preview.css';

// Controls and the API tables of the docs pages come from the Custom Elements
// Manifest (`npm run docs:manifest` writes it from the sources before every build).
setCustomElementsManifest(manifest);

/**
 * Locale switch: `<html lang>` (and `dir`: Arabic is right to left) is what
 * `<pforte-signup>` falls back to, and setLocale switches every element on
 * the page. Product string overrides are global too, so every story starts
 * from the shipped wording.
 */
const localeLoader: Loader = async ({ globals }) => {
  const locale = matchLocale(String(globals['locale'])) ?? 'de';
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
  setStringOverrides({});
  await setLocale(locale);
  return {};
};

/**
 * Theme switch: `color-scheme` on the story root (light, dark), or the
 * "branded" look set only through --pforte-* custom properties.
 */
const themeDecorator: Decorator = (story, context) => {
  const name = (context.globals['theme'] ?? 'light') as StoryThemeName;
  const theme = storyThemes[name] ?? storyThemes.light;
  return html`<div class="pforte-story-root" data-pforte-theme=${name} style=${styleMap(theme.style)}>
    ${story()}
  </div>`;
};

const preview: Preview = {
  loaders: [localeLoader],
  decorators: [themeDecorator],
  globalTypes: {
    locale: {
      description: 'Language of the widget',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
          { value: 'tr', title: 'Türkçe' },
          { value: 'ar', title: 'العربية (right to left)' },
          { value: 'uk', title: 'Українська' },
          { value: 'ru', title: 'Русский' },
          { value: 'pl', title: 'Polski' },
          { value: 'fr', title: 'Français' },
          { value: 'it', title: 'Italiano' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme or brand',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'branded', title: 'Branded (--pforte-* only)', icon: 'heart' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    locale: 'de',
    theme: 'light',
    viewport: { value: 'desktop', isRotated: false },
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, matchers: { color: /color/i } },
    viewport: {
      options: {
        phoneSmall: { name: 'Phone (320 × 640)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        phone: { name: 'Phone (390 × 844)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768 × 1024)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        laptop: { name: 'Laptop (1280 × 800)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
        desktop: { name: 'Desktop (1920 × 1080)', styles: { width: '1920px', height: '1080px' }, type: 'desktop' },
      },
    },
    // Play functions also run on the docs pages, so designers see each state there too.
    docs: { story: { autoplay: true } },
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Guides', ['Getting started', 'Configuring a product', 'Writing an adapter', 'Theming', 'Accessibility', 'Security'], 'Flow', 'Steps', 'Building blocks', 'Products'],
      },
    },
  },
};

export default preview;
