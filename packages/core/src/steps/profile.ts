import * as z from 'zod/mini';
import { ConfigError } from '../config-error.js';
import { defineStep } from './define.js';
import { countryCode, notOptional } from './types.js';

/** Fields of the profile step. */
export const profileFields = ['salutation', 'title', 'firstName', 'lastName', 'position', 'mobile', 'phone', 'email'] as const;
/** A field of the profile step. */
export type ProfileField = (typeof profileFields)[number];
/** Whether a profile field is asked for, and whether it must be filled in. */
export type ProfileFieldMode = 'required' | 'optional' | 'absent';
const profileFieldModes = ['required', 'optional', 'absent'] as const;
const defaultProfileFields: Record<ProfileField, ProfileFieldMode> = {
  salutation: 'absent',
  title: 'absent',
  firstName: 'required',
  lastName: 'required',
  position: 'absent',
  mobile: 'absent',
  phone: 'absent',
  email: 'absent',
};

/** Personal data; every field is required, optional or absent. */
export interface ProfileStep {
  id: 'profile';
  optional: false;
  fields: Record<ProfileField, ProfileFieldMode>;
  /** ISO 3166 alpha-2, upper case; for the mobile and phone fields. */
  defaultCountry: string;
}

const schema = z.strictObject({
  id: z.literal('profile'),
  optional: notOptional('profile'),
  fields: z._default(z.optional(z.partialRecord(z.enum(profileFields), z.enum(profileFieldModes))), {}),
  defaultCountry: z._default(z.optional(countryCode), 'DE'),
});

export const profileStep = defineStep<ProfileStep>()({
  id: 'profile',
  summary: 'Personal data; each field required, optional or absent.',
  constraint: 'asks for at least one field.',
  schema,
  resolve: (step: z.output<typeof schema>) => ({
    id: 'profile',
    optional: false,
    fields: { ...defaultProfileFields, ...step.fields },
    defaultCountry: step.defaultCountry,
  }),
  providesEmail: (step) => step.fields.email !== 'absent',
  check: (step, index) =>
    Object.values(step.fields).every((mode) => mode === 'absent')
      ? new ConfigError(`steps[${index}].fields`, 'expected at least one field that is not "absent"')
      : undefined,
  isDone: (view) => view.profile !== undefined,
  actions: ['submitProfile'],
});
