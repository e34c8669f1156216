/**
 * Which text file a message travels in. A message's group is the part of its
 * id before the first dot (`pin.heading` → `pin`), except for two groups of
 * pforte.js:
 *
 * - `pforte`: what the first step renders (the credentials step, the
 *   checklist, common words, the flow host's own lines). Every locale has it
 *   always; German's is part of pforte.js (see localization.ts).
 * - `flow`: the error sentences and the done step, declared by the modules
 *   that show them, so they load beside the first step.
 *
 * A module that renders another group's messages declares it:
 * `void useMessages('pin')` (packages/elements/src/localization/localization.ts).
 */
export const firstStepGroup = 'pforte';

/** Message id prefixes of what the first step renders. */
export const firstStepPrefixes = ['credentials', 'checklist', 'rule', 'common', 'signup'];

/** Message id prefixes of the error sentences and the done step. */
export const flowPrefixes = ['error', 'done'];

/** The group of a message id. */
export function groupOf(id) {
  const prefix = id.split('.')[0];
  if (firstStepPrefixes.includes(prefix)) return firstStepGroup;
  return flowPrefixes.includes(prefix) ? 'flow' : prefix;
}
