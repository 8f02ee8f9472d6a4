/** Types of node-version.mjs (a plain script, run before dependencies are built). */
export function parseVersion(text: string): [number, number, number]
export function satisfies(version: string, range: string): boolean
export function requirements(packageJsonPath: string): { services: string; desktop: string }
export function desktopNodeProblem(
  version: string,
  required: { services: string; desktop: string },
): string | null
