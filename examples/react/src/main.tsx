import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Defines the custom elements before React renders them.
import '@pforte/elements';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
