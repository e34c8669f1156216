import { defineConfig } from 'vite';

// Nothing Pforte-specific: @pforte/elements is plain ESM with types.
export default defineConfig({
  server: { host: '127.0.0.1' },
});
