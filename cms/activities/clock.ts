/**
 * The clock booking and the notice rule are judged by. Tests replace `now` to stand before and after a
 * booking's closing time; nothing else does.
 */
export const activityClock = { now: (): number => Date.now() }
