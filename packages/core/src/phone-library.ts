/**
 * The parts of libphonenumber-js the phone field uses, loaded together by
 * `loadPhoneSupport`. A module of its own because a dynamic import keeps
 * every export of what it imports: importing `libphonenumber-js/core`
 * directly would ship all of it.
 */
export { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/core';
