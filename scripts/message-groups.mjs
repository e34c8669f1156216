/**
 * Which text file a message travels in. A message's group is the part of its
 * id before the first dot (`pin.heading` → `pin`); the first step's and the
 * flow host's prefixes share the group `pforte`, loaded with pforte.js. A
 * module that renders another group's messages declares it:
 * `void useMessages('pin')` (packages/elements/src/localization/localization.ts).
 */
export const firstStepGroup = 'pforte';

/** Message id prefixes of the first step and the flow host. */
export const firstStepPrefixes = ['credentials', 'checklist', 'rule', 'error', 'common', 'signup', 'done'];

/** The group of a message id. */
export function groupOf(id) {
  const prefix = id.split('.')[0];
  return firstStepPrefixes.includes(prefix) ? firstStepGroup : prefix;
}
