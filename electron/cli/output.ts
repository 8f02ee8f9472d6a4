import { CommanderError } from 'commander'

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
  /** `import`: some rows of the file have errors (listed; not written). */
  rowErrors: 5,
  /** `import` of an exchange package: conflicts were found (recorded for a person; nothing was overwritten). */
  conflicts: 6,
} as const

/** Ends the process with `code` once stdout and stderr are flushed (main() maps only 0, 1 and 2). */
export async function exitWith(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()))
  process.exit(code)
}

/**
 * A refusal the user fixes by changing the command line (an output path in the data folder, a missing output
 * folder, an unknown unit…): prints the reason and where to look, not the whole usage text, and ends with exit
 * code 2 (the command was well-formed, so commander's own usage error does not fit).
 */
export function refuseUsage(command: string, message: string): never {
  out.error(`错误：${message}`)
  out.error(`（用法见 access-audit ${command} --help）`)
  throw new CommanderError(exitCodes.usage, `access-audit.${command}`, message)
}
