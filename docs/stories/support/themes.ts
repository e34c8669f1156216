/** The themes of the Storybook toolbar; also shown on the Theming page. */
export type StoryThemeName = 'light' | 'dark' | 'branded';

export interface StoryTheme {
  label: string;
  /** Inline style of the story root: `color-scheme` and, for brands, --pforte-* custom properties only. */
  style: Record<string, string>;
}

/**
 * A brand is nothing but --pforte-* custom properties: no selector reaches
 * into the elements. The values keep WCAG AA contrast (text ≥ 4.5:1, borders ≥ 3:1).
 */
export const brandedTokens: Record<string, string> = {
  '--pforte-color-primary': '#7a1f5c',
  '--pforte-color-on-primary': '#ffffff',
  '--pforte-color-focus': '#7a1f5c',
  '--pforte-color-text': '#2b1a24',
  '--pforte-color-muted': '#5c4653',
  '--pforte-color-surface': '#fffaf5',
  '--pforte-color-surface-raised': '#f6ebe3',
  '--pforte-color-border': '#8f7584',
  '--pforte-color-success': '#1d6b3a',
  '--pforte-color-danger': '#a4161a',
  '--pforte-radius': '1rem',
  '--pforte-space': '1.125rem',
  '--pforte-font-family': "Georgia, 'Times New Roman', serif",
  '--pforte-max-width': '34rem',
};

export const storyThemes: Record<StoryThemeName, StoryTheme> = {
  light: { label: 'Light', style: { 'color-scheme': 'light' } },
  dark: { label: 'Dark', style: { 'color-scheme': 'dark' } },
  branded: { label: 'Branded', style: { 'color-scheme': 'light', ...brandedTokens } },
};
