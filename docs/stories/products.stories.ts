import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock, createMemoryAdapter } from '@pforte/elements';
import type { PforteConfigInput } from '@pforte/elements';
import '@pforte/elements';
import { seedProducts, type SeedProductKey } from '../products.js';

interface Args {
  product: SeedProductKey;
  config: PforteConfigInput;
}

/**
 * The five seed portals as configurations (docs/products.ts), each in
 * `<pforte-signup>` against a memory backend. See "Configuring a product".
 */
const meta: Meta<Args> = {
  title: 'Products',
  component: 'pforte-signup',
  argTypes: { product: { control: false }, config: { control: 'object' } },
  render: (args) => {
    const adapter = createMemoryAdapter({ clock: createManualClock() });
    return html`<pforte-signup .config=${args.config} .adapter=${adapter}></pforte-signup>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function product(key: SeedProductKey): Story {
  const seed = seedProducts[key];
  return {
    name: seed.title,
    args: { product: key, config: seed.config },
    parameters: { docs: { description: { story: `${seed.summary} (seed ${seed.seed})` } } },
  };
}

export const DentalPortal = product('dentalPortal');
export const VideoConsultation = product('videoConsultation');
export const B2bPortal = product('b2bPortal');
export const BillingCentre = product('billingCentre');
export const PatientApp = product('patientApp');
