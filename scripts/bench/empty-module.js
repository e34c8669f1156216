// Intentionally empty: the floor of the throttled timing (scripts/bench/floor.html).
export {};
