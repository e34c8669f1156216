import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock } from '@pforte/elements';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteConfigInput } from '@pforte/elements';
import '@pforte/elements';
import { demoBackendData, productCatalog, type ProductKey } from '../../examples/products/catalog.js';

interface Args {
  product: ProductKey;
  config: PforteConfigInput;
}

/**
 * The five seed portals as configurations (examples/products/), each in
 * `<pforte-signup>` against a memory backend. See "Configuring a product".
 */
const meta: Meta<Args> = {
  title: 'Products',
  component: 'pforte-signup',
  argTypes: { product: { control: false }, config: { control: 'object' } },
  render: (args) => {
    const example = productCatalog[args.product];
    const adapter = createMemoryAdapter({ clock: createManualClock(), ...demoBackendData });
    const invitation = 'demoInvitation' in example ? example.demoInvitation : undefined;
    return html`<pforte-signup .config=${args.config} .adapter=${adapter} .invitation=${invitation}></pforte-signup>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function product(key: ProductKey): Story {
  const seed = productCatalog[key];
  return {
    name: seed.title,
    args: { product: key, config: seed.config },
    parameters: { docs: { description: { story: `${seed.summary} (seed ${seed.seed})` } } },
  };
}

export const DentalPracticePortal = product('dentalPracticePortal');
export const VideoConsultation = product('videoConsultation');
export const B2bServicePortal = product('b2bServicePortal');
export const BillingCustomerCentre = product('billingCustomerCentre');
export const PatientVideoApp = product('patientVideoApp');
