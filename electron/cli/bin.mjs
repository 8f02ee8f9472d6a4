#!/usr/bin/env node
// Entry of `access-audit`: runs the TypeScript CLI through tsx, so `npx access-audit` works right after `npm install`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv)
