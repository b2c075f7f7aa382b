/**
 * Options for cli-progress bars: in a terminal the bar redraws in place; when the output is a pipe or a
 * file (CI, `npm run bench > log`), cli-progress prints nothing by default, so a long step looked hung.
 * There it prints the bar's line every 10 s instead.
 */
export const PIPED_PROGRESS = { noTTYOutput: true, notTTYSchedule: 10_000 } as const
