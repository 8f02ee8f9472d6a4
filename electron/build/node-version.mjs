// The Node.js versions this project needs, read from package.json (one place): `engines.node` for the services,
// the CLI, browser mode and the tests; `devEngines.runtime.version` for the desktop app and its packaging (Electron
// 45 and its download tooling declare Node >= 22.12). Used by check-node.mjs before `npm start` and packaging.
import fs from 'node:fs'

/** "22.12.0" → [22, 12, 0]; tolerates a leading "v". */
export function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim())
  if (!match) throw new Error(`not a version: ${text}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

/**
 * Whether `version` satisfies `range`, for the forms package.json uses here: ">=X.Y.Z", "^X.Y.Z" (same major, at
 * least X.Y.Z) and alternatives joined by "||". Anything else is refused rather than guessed.
 */
export function satisfies(version, range) {
  const v = parseVersion(version)
  return range.split('||').some((part) => {
    const term = part.trim()
    if (term.startsWith('>=')) return compare(v, parseVersion(term.slice(2))) >= 0
    if (term.startsWith('^')) {
      const min = parseVersion(term.slice(1))
      return v[0] === min[0] && compare(v, min) >= 0
    }
    throw new Error(`unsupported version range: ${term}`)
  })
}

/** The two requirements, from the project's package.json. */
export function requirements(packageJsonPath) {
  const pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'))
  return { services: pkg.engines.node, desktop: pkg.devEngines.runtime.version }
}

/** null when `version` can run the desktop app; else the zh-CN message saying what to install. */
export function desktopNodeProblem(version, { services, desktop }) {
  if (satisfies(version, desktop)) return null
  const minimum = desktop.replace(/^>=/, '')
  const major = minimum.split('.')[0]
  const lines = [
    `桌面应用需要 Node.js ${minimum} 或更高版本，当前为 ${version.replace(/^v/, '')}。`,
    `请安装 Node.js ${major} LTS（${minimum} 或更高）：https://nodejs.org/zh-cn/download（或使用 nvm：nvm install ${major}）。`,
    '安装后在项目文件夹中重新运行 npm install，再运行 npm start。',
  ]
  if (satisfies(version, services)) {
    lines.push('当前版本可以使用浏览器模式（npm run web）、命令行（npx access-audit）和测试（npm test）。')
  } else {
    lines.push(`浏览器模式、命令行和测试也需要 Node.js ${services}。`)
  }
  return lines.join('\n')
}
