import { createApp, ref, shallowRef } from 'vue';
// Defines the custom elements before Vue mounts them.
import { createMemoryAdapter } from '@pforte/elements';
import type { CompleteResult, PforteConfigInput } from '@pforte/elements';

const config: PforteConfigInput = {
  product: 'Praxisportal',
  username: { kind: 'email' },
  passwordPolicy: 'strict10',
  steps: ['credentials', 'done'],
};

const app = createApp({
  setup() {
    const adapter = shallowRef(createMemoryAdapter());
    const step = ref('');
    const result = shallowRef<CompleteResult>();
    return {
      config,
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
