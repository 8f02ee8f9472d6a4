#!/usr/bin/env node
// Entry of `access-audit`: runs the TypeScript CLI through tsx, so `npx access-audit` works right after `npm install`.
import { register } from 'tsx/esm/api'

register()
// `access-audit catalog | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv)
