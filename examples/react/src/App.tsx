import { useMemo, useState } from 'react';
import { createMemoryAdapter } from '@pforte/elements';
import type { CompleteResult, PforteConfigInput } from '@pforte/elements';

const config: PforteConfigInput = {
  product: 'Videosprechstunde',
  username: { kind: 'username' },
  steps: ['credentials', 'done'],
};

export function App() {
  // One backend per mounted widget; a real app would pass its HTTP adapter.
  const adapter = useMemo(() => createMemoryAdapter(), []);
  const [step, setStep] = useState('');
  const [result, setResult] = useState<CompleteResult>();

  return (
    <main>
      <h1>Registrierung</h1>
      <pforte-signup
        config={config}
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
