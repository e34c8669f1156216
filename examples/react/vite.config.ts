import { defineConfig } from 'vite';

// No React plugin needed: Vite compiles JSX itself (automatic runtime). Add
// @vitejs/plugin-react for Fast Refresh if you like.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: { host: '127.0.0.1' },
});
