import { useEffect, useState } from 'react';
import type { CompleteResult, PforteAdapter, PforteConfigInput } from '@pforte/elements';

const config: PforteConfigInput = {
  product: 'Videosprechstunde',
  username: { kind: 'username' },
  steps: ['credentials', 'done'],
};

export function App() {
  // The real way: the URL of a backend that speaks the Pforte HTTP contract
  // (e.g. @pforte/server), set at build time (`VITE_PFORTE_ENDPOINT=https://…`).
  const endpoint: string | undefined = import.meta.env.VITE_PFORTE_ENDPOINT;
  // Without one, this demo uses the in-browser memory adapter, loaded only then (one per mounted widget).
  const [adapter, setAdapter] = useState<PforteAdapter>();
  useEffect(() => {
    if (endpoint) return;
    let mounted = true;
    void import('@pforte/core/memory').then(({ createMemoryAdapter }) => mounted && setAdapter(createMemoryAdapter()));
    return () => {
      mounted = false;
    };
  }, [endpoint]);
  const [step, setStep] = useState('');
  const [result, setResult] = useState<CompleteResult>();

  return (
    <main>
      <h1>Registrierung</h1>
      <pforte-signup
        config={config}
        endpoint={endpoint}
        adapter={adapter}
        locale="de"
        onpforte-step-change={(event) => setStep(event.detail.step)}
        onpforte-complete={(event) => setResult(event.detail)}
      />
      <p id="status" role="status">
        {result ? `Registriert: ${result.username}` : step && `Schritt: ${step}`}
      </p>
    </main>
  );
}
