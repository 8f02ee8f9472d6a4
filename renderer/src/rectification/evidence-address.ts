/** "run-12/abc.png" (relative to the screenshot root) → the run and file audits:screenshot expects; else null. */
export function screenshotAddress(ref: string): { runId: number; file: string } | null {
  const match = /^run-(\d+)\/([\w.-]{1,200}\.png)$/.exec(ref)
  return match ? { runId: Number(match[1]), file: match[2]! } : null
}
