import { defaultClientConditions, mergeConfig } from 'vite';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers (every element in every state) and integrators
 * (the guides under docs/guides). The workspace packages are resolved from
 * their TypeScript sources through the `pforte-source` export condition, as
 * in the root vite.config.ts, so the docs never need a prior `npm run build`.
 */
const config: StorybookConfig = {
  stories: ['../guides/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No network on CI machines: never phone home, never fetch release notes.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
      build: { chunkSizeWarningLimit: 4096 },
    });
  },
};

export default config;
