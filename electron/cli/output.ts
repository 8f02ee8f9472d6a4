/** The only place the CLI writes to the terminal (pa11y's habit): commands return strings or use these. */
export const out = {
  line: (text: string) => process.stdout.write(`${text}\n`),
  error: (text: string) => process.stderr.write(`${text}\n`),
}

export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** Audit found violations at or above the chosen impact (used by later commands). */
  violations: 3,
  /** Audit ran, but for at least one website not one page could be audited (every page failed). */
  noPageAudited: 4,
} as const
