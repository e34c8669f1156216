import { createApp, ref, shallowRef } from 'vue';
// Defines the custom elements before Vue mounts them.
import '@pforte/elements';
import type { CompleteResult, PforteAdapter, PforteConfigInput } from '@pforte/elements';

const config: PforteConfigInput = {
  product: 'Praxisportal',
  username: { kind: 'email' },
  passwordPolicy: 'strict10',
  steps: ['credentials', 'done'],
};

const app = createApp({
  setup() {
    // The real way: the URL of a backend that speaks the Pforte HTTP contract
    // (e.g. @pforte/server), set at build time (`VITE_PFORTE_ENDPOINT=https://…`).
    // Without one, this demo uses the in-browser memory adapter, loaded only then.
    const endpoint: string | undefined = import.meta.env.VITE_PFORTE_ENDPOINT;
    const adapter = shallowRef<PforteAdapter>();
    if (!endpoint) void import('@pforte/core/memory').then(({ createMemoryAdapter }) => (adapter.value = createMemoryAdapter()));
    const step = ref('');
    const result = shallowRef<CompleteResult>();
    return {
      config,
      endpoint,
      adapter,
      step,
      result,
      onStepChange: (event: HTMLElementEventMap['pforte-step-change']) => (step.value = event.detail.step),
      onComplete: (event: HTMLElementEventMap['pforte-complete']) => (result.value = event.detail),
    };
  },
  // `.prop` binds DOM properties (objects), `@pforte-*` listens to Pforte's events.
  template: `
    <main>
      <h1>Registrierung</h1>
      <pforte-signup
        :config.prop="config"
        :endpoint="endpoint"
        :adapter.prop="adapter"
        locale="de"
        @pforte-step-change="onStepChange"
        @pforte-complete="onComplete"
      ></pforte-signup>
      <p id="status" role="status">{{ result ? 'Registriert: ' + result.username : step && 'Schritt: ' + step }}</p>
    </main>
  `,
});

// Tell Vue's template compiler that pforte-* tags are custom elements, not Vue components.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('pforte-');
app.mount('#app');
