import { rateLimited } from './codes.js';
import type { BackendLimits } from './defaults.js';

/** At most `max` attempts in `bucket` within `windowSeconds`. */
export interface AttemptLimit {
  /** What is counted, e.g. `start:ip:203.0.113.7`. */
  bucket: string;
  max: number;
  windowSeconds: number;
}

/** The attempts a store found in a bucket's window: how many, and when the oldest was. */
export interface RecentAttempts {
  count: number;
  first?: number | undefined;
}

const hourSeconds = 60 * 60;

/**
 * The throttles of actions that cost the backend or guess at a secret, over
 * every flow: per client IP where the backend knows it, per flow, per customer
 * number and per organisation. A backend counts attempts in its store; these
 * decide which buckets an action touches and how many it allows.
 */
export const attemptLimits = {
  flowStart: (limits: BackendLimits, ip: string): AttemptLimit => ({
    bucket: `start:ip:${ip}`,
    max: limits.flowStartsPerIpPerHour,
    windowSeconds: hourSeconds,
  }),
  hashByIp: (limits: BackendLimits, ip: string): AttemptLimit => ({
    bucket: `hash:ip:${ip}`,
    max: limits.hashesPerIpPerHour,
    windowSeconds: hourSeconds,
  }),
  hashByFlow: (limits: BackendLimits, flowId: string): AttemptLimit => ({
    bucket: `hash:flow:${flowId}`,
    max: limits.hashesPerFlowPerHour,
    windowSeconds: hourSeconds,
  }),
  /** Customer lookups and organisation joins of one client. */
  lookupByIp: (limits: BackendLimits, ip: string): AttemptLimit => ({
    bucket: `lookup:ip:${ip}`,
    max: limits.lookupsPerIpPerHour,
    windowSeconds: hourSeconds,
  }),
  /** Wrong lookups or joins of one flow. */
  wrongLookupByFlow: (limits: BackendLimits, flowId: string): AttemptLimit => ({
    bucket: `wrong-lookup:flow:${flowId}`,
    max: limits.maxLookupAttempts,
    windowSeconds: limits.lookupLockSeconds,
  }),
  /** Wrong lookups of one customer number, or joins of one organisation's customer number, from any flow. */
  wrongLookupByNumber: (limits: BackendLimits, kind: 'customer' | 'organization', number: string): AttemptLimit => ({
    bucket: `wrong-lookup:${kind}:${number.trim().toLowerCase()}`,
    max: limits.maxLookupAttempts,
    windowSeconds: limits.lookupLockSeconds,
  }),
};

/** The start of `limit`'s window at `now`: attempts at or before it no longer count. */
export function windowStart(limit: AttemptLimit, now: number): number {
  return now - limit.windowSeconds * 1000;
}

/** Refuses with `rate_limited` (and when to retry) once `recent` has reached the limit. */
export function checkAttempts(limit: AttemptLimit, recent: RecentAttempts, now: number): void {
  if (recent.count >= limit.max) throw rateLimited((recent.first ?? now) + limit.windowSeconds * 1000, now);
}
