import { productCatalog } from '../products/catalog.js';
import quickStart from './products/quick-start.json';
import designCard from './products/design-card.json';

/** A product the demo page offers: its name in both languages, a configuration, and the demo data's registration link. */
export interface DemoProduct {
  label: { de: string; en: string };
  config: unknown;
  invitation?: string;
}

/** The seed portals' names in German (the catalogue's titles are English). */
const germanTitles: Record<keyof typeof productCatalog, string> = {
  dentalPracticePortal: 'Zahnarztpraxis-Portal',
  videoConsultation: 'Videosprechstunde',
  b2bServicePortal: 'B2B-Serviceportal',
  billingCustomerCentre: 'Kundencenter Abrechnung',
  patientVideoApp: 'Videosprechstunde-App (Patienten)',
};

/**
 * The demo's products: a quick start, the step list of the design card
 * (both in ./products/, which `npm start` also gives the reference server),
 * and the five seed portals of examples/products/.
 */
export const demoProducts: Record<string, DemoProduct> = {
  quickStart: {
    label: { de: 'Schnellstart (Zugangsdaten → fertig)', en: 'Quick start (credentials → done)' },
    config: quickStart,
  },
  videoConsultationFull: {
    label: { de: 'Videosprechstunde: PIN, SMS, Sichtbarkeit', en: 'Video consultation: PIN, SMS, visibility' },
    config: designCard,
  },
  ...Object.fromEntries(
    Object.entries(productCatalog).map(([key, example]) => [
      key,
      {
        label: { de: germanTitles[key as keyof typeof productCatalog], en: example.title },
        config: example.config,
        ...('demoInvitation' in example ? { invitation: example.demoInvitation } : {}),
      },
    ]),
  ),
};
