/** The products the demo page offers, each only a configuration. */
export const demoProducts: Record<string, { label: string; config: unknown }> = {
  videoConsultation: {
    label: 'Video consultation (credentials → done)',
    config: { product: 'Videosprechstunde', username: { kind: 'username' }, steps: ['credentials', 'done'] },
  },
  videoConsultationFull: {
    label: 'Video consultation, seed 001 (credentials → PIN → SMS → visibility → done)',
    config: {
      product: 'Videosprechstunde',
      username: { kind: 'username' },
      steps: ['credentials', 'pin', { id: 'sms', optional: true }, 'visibility', 'done'],
    },
  },
  dentalPortal: {
    label: 'Dental practice portal (e-mail, strict policy)',
    config: { product: 'Praxisportal', username: { kind: 'email' }, passwordPolicy: 'strict10', steps: ['credentials', 'done'] },
  },
};
