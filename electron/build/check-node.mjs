// Runs before `npm start` and packaging: says in zh-CN which Node.js to install when this one cannot run the
// desktop app (Electron 45 and its tooling need Node >= 22.12), instead of a failure nobody can read.
import path from 'node:path'
import { desktopNodeProblem, requirements } from './node-version.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const problem = desktopNodeProblem(process.version, requirements(path.join(root, 'package.json')))
if (problem) {
  console.error(problem)
  process.exit(1)
}
