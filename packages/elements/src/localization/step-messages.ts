import { templates } from '../generated/locales/de-steps.js';
import { addMessages } from './localization.js';
import type { Templates } from './localization.js';

/*
 * The German text of every step after the first. Imported by those steps'
 * modules, so it loads with their code instead of with the first step.
 */
addMessages('de', templates as Templates);
