import { css } from 'lit';

/** A guest's name or address may be long and unbroken. */
export const guestAccessStyles = css`
  :where(pforte-guest-access):not(#_) :where(.pf-guest-name) {
    overflow-wrap: anywhere;
  }
`;
