import { productCatalog } from '../products/catalog.js';
import quickStart from './products/quick-start.json';
import designCard from './products/design-card.json';

/** A product the demo page offers: only a configuration, plus the demo data's registration link. */
export interface DemoProduct {
  label: string;
  config: unknown;
  invitation?: string;
}

/**
 * The demo's products: a quick start, the step list of the design card
 * (both in ./products/, which `npm start` also gives the reference server),
 * and the five seed portals of examples/products/.
 */
export const demoProducts: Record<string, DemoProduct> = {
  quickStart: {
    label: 'Quick start (credentials → done)',
    config: quickStart,
  },
  videoConsultationFull: {
    label: 'Design card flow (credentials → PIN → SMS → visibility → done)',
    config: designCard,
  },
  ...Object.fromEntries(
    Object.entries(productCatalog).map(([key, example]) => [
      key,
      {
        label: `${example.title} (seed ${example.seed.slice(0, 3)})`,
        config: example.config,
        ...('demoInvitation' in example ? { invitation: example.demoInvitation } : {}),
      },
    ]),
  ),
};
