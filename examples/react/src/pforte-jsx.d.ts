// Teaches React's JSX about <pforte-signup>: React 19 sets known properties
// (`config`, `adapter`) as DOM properties and `on<event>` props as listeners.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PforteAdapter, PforteConfigInput, PforteSignup } from '@pforte/elements';

type PforteEvents = {
  'onpforte-step-change'?: (event: HTMLElementEventMap['pforte-step-change']) => void;
  'onpforte-complete'?: (event: HTMLElementEventMap['pforte-complete']) => void;
  'onpforte-error'?: (event: HTMLElementEventMap['pforte-error']) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'pforte-signup': DetailedHTMLProps<HTMLAttributes<PforteSignup>, PforteSignup> &
        PforteEvents & { config?: PforteConfigInput | string; adapter?: PforteAdapter; endpoint?: string; locale?: string };
    }
  }
}
