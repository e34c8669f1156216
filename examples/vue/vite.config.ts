import { defineConfig } from 'vite';

/*
 * No Vue plugin: the app's template is a string compiled in the browser, so
 * it uses Vue's build with the template compiler. With @vitejs/plugin-vue and
 * single-file components, set instead
 *   vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pforte-') } } })
 */
export default defineConfig({
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: { host: '127.0.0.1' },
});
