import type { ProfileValues } from '../adapter.js';
import type { SecondFactorMethod, StepId } from '../steps/types.js';

/** The state of one SMS or e-mail code, without the code itself (a backend keeps that, or its hash, beside it). */
export interface CodeView {
  expiresAt: number;
  /** Wrong tries so far. */
  attempts: number;
  /** 'used' once it worked, 'dead' after too many wrong tries. */
  state: 'live' | 'used' | 'dead';
}

/** The organization a flow registers or asks to join; created or requested at completion. */
export interface FlowOrganization {
  mode: 'register' | 'join';
  organizationId: string;
  name: string;
  postalCode: string;
  customerNumber?: string;
}

/**
 * One normalised view of a registration flow, whatever stores it: the memory
 * adapter keeps exactly this record, the reference server maps its row to it
 * once per request. Every rule in `rules/` decides over this view and never
 * sees a secret: passwords, PINs and codes stay with the backend.
 */
export interface FlowView {
  id: string;
  /** Id of the product the flow is bound to at start. */
  product: string;
  locale: string;
  /** ms epoch when the flow (its registration link) expires. */
  expiresAt: number;
  completed: boolean;
  /** The username as stored, once credentials were accepted. */
  username?: string;
  pin: 'none' | 'issued' | 'set';
  pinConfirmed: boolean;
  phone?: string;
  smsCode?: CodeView;
  smsVerified: boolean;
  /** ms epoch from which another SMS may be sent in this flow. */
  smsResendAt?: number;
  visibilitySet: boolean;
  visible: boolean;
  /** Optional steps put off for later. */
  skipped: StepId[];
  /** The flow's e-mail address: credentials, invitation, customer lookup or profile (the latest wins). */
  email?: string;
  /** The address a confirmation link confirmed. */
  verifiedEmail?: string;
  emailLinkResendAt?: number;
  /** Whether a registration link was opened in this flow. */
  invitationOpened: boolean;
  profile?: ProfileValues;
  terms?: { acceptedAt: number; recordedAt: number; version?: string };
  customerNumber?: string;
  captchaVerified: boolean;
  organization?: FlowOrganization;
  secondFactorChoice?: SecondFactorMethod;
  emailCode?: CodeView;
  emailCodeVerified: boolean;
  emailCodeResendAt?: number;
  /** What steps added by a product's own descriptors record (never a secret). */
  extra: Record<string, unknown>;
}

/** A flow as it starts: nothing entered yet. */
export function newFlowView(id: string, product: string, locale: string, expiresAt: number): FlowView {
  return {
    id,
    product,
    locale,
    expiresAt,
    completed: false,
    pin: 'none',
    pinConfirmed: false,
    smsVerified: false,
    visibilitySet: false,
    visible: false,
    skipped: [],
    invitationOpened: false,
    captchaVerified: false,
    emailCodeVerified: false,
    extra: {},
  };
}
