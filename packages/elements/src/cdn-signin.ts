/**
 * `dist/cdn/pforte-signin.js`: defines `<pforte-signin>`. Its own file, loaded
 * only by pages that sign people in, so a registration page never fetches
 * it; it imports what it shares with the first step from `pforte.js`.
 */
import './define/signin.js';

export { PforteSignin } from './signin/signin.js';
export { guardSignInAdapter } from '@pforte/core';
export type { PforteSignInAdapter, SessionInfo, SignInResult } from '@pforte/core';
