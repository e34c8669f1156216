import type { InvitationDetails } from '../adapter.js';

/** A registration link to create in a backend, with what it says about the person. */
export interface InvitationSeed extends Omit<InvitationDetails, 'validUntil'> {
  token: string;
  /** ms epoch (default: when it is created). */
  createdAt?: number;
  /** Days the link is valid from `createdAt` (default 14). */
  validityDays?: number;
  /** Already used by a completed registration. */
  used?: boolean;
}

/** A customer on file, for `lookupCustomer`. */
export interface CustomerSeed {
  customerNumber: string;
  email: string;
  name?: string;
}

/** An organization (practice) people can join. */
export interface OrganizationSeed {
  organizationId?: string;
  name: string;
  customerNumber: string;
  postalCode: string;
  /** Members so far (default 1). */
  members?: number;
}

/** What a backend registers against: the same shapes for the memory adapter's options and the server's seed. */
export interface SeedData {
  invitations?: InvitationSeed[];
  customers?: CustomerSeed[];
  organizations?: OrganizationSeed[];
}
