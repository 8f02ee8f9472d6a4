import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { ApiError } from '../../shared/api/errors'
import { backupDatabase } from '../core/db/open-database'
import { FileWriteError, systemErrorToApi } from '../core/files/fs-errors'
import { assertNotDataFile, dataFileRefusalCode } from '../core/files/output-guard'
import { openCore } from '../core/open-core'
import { dataDirEnv, resolveDataDir } from '../core/paths'
import { formatCount } from '../../shared/format/index'
import { readAppVersion } from './app-version'
import { localizeCommander } from './help-zh'
import { exitCodes, out, refuseUsage } from './output'
import { renderCatalog } from './catalog-command'
import { configureAuditCommand } from './audit-command'
import { configureNoticeCommand } from './notice-command'
import { configureImportCommand } from './import-command'
import { configureProfileCommand } from './profile-command'
import {
  configureConflictsCommand,
  configureExportCommand,
  configureResolveCommand,
} from './exchange-command'
import { runWeb } from './web-command'

function portNumber(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('端口须为 0–65535 的整数')
  return port
}

export function buildProgram(): Command {
  const program = new Command()
  program
    .name('access-audit')
    .description('无障碍督查 AccessAudit：现场检查、网站检测与整改跟踪的命令行工具')
    .version(readAppVersion(), '-V, --version', '显示版本号')
    .option('--data-dir <dir>', `数据文件夹（默认与桌面应用相同，也可用环境变量 ${dataDirEnv}）`)
    .showHelpAfterError()
    .exitOverride()

  const dataDir = () => resolveDataDir(program.opts<{ dataDir?: string }>().dataDir)

  program
    .command('web')
    .description('以浏览器模式启动：在 127.0.0.1 上提供界面和 API（带本次启动的访问令牌）')
    .option('--port <port>', '监听端口（0 表示自动选择）', portNumber, 0)
    .option('--data-dir <dir>', '数据文件夹')
    .action(async (opts: { port: number; dataDir?: string }) => {
      await runWeb({
        dataDir: resolveDataDir(opts.dataDir ?? program.opts<{ dataDir?: string }>().dataDir),
        port: opts.port,
      })
    })

  program
    .command('backup <file>')
    .description('在线备份数据库到指定文件（应用运行时也可安全执行；不会覆盖已有文件）')
    .action(async (file: string) => {
      const folder = dataDir()
      // Refused before the database is even opened: a path that is one of the data folder's files, or an
      // existing file (a backup never replaces anything).
      const refuse = (error: unknown) => {
        if (
          error instanceof FileWriteError &&
          (error.code === dataFileRefusalCode || error.code === 'EEXIST')
        )
          refuseUsage('backup', error.message)
        throw error
      }
      try {
        assertNotDataFile(file, folder)
      } catch (error) {
        refuse(error)
      }
      const core = openCore(folder, readAppVersion())
      try {
        await backupDatabase(core.ctx.db, file, folder).catch(refuse)
        out.line(`已备份到 ${file}`)
      } finally {
        core.close()
      }
    })

  program
    .command('catalog')
    .description('列出现场检查目录（检查项、输入项及单位、条款）；--json 输出机器可读格式')
    .option('--json', '以 JSON 输出')
    .option('--catalog <id>', '检查目录编号（默认为国标目录）')
    .action((opts: { json?: boolean; catalog?: string }) => {
      out.line(renderCatalog(opts))
    })

  program
    .command('info')
    .description('显示数据文件夹、数据库版本和记录数')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }) => {
      const core = openCore(dataDir(), readAppVersion())
      try {
        const count = (table: string) =>
          (core.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
        const info = {
          version: readAppVersion(),
          dataDir: core.ctx.dataDir,
          schemaVersion: Number(core.ctx.db.pragma('user_version', { simple: true })),
          units: count('units'),
          places: count('places'),
        }
        if (opts.json) out.line(JSON.stringify(info, null, 2))
        else {
          out.line(`数据文件夹：${info.dataDir}`)
          out.line(`数据库版本：${info.schemaVersion}`)
          out.line(`责任单位：${formatCount(info.units, '个')}  场所：${formatCount(info.places, '处')}`)
        }
      } finally {
        core.close()
      }
    })

  configureAuditCommand(program.command('audit'), () => program.opts<{ dataDir?: string }>().dataDir)
  configureNoticeCommand(program.command('notice'), () => program.opts<{ dataDir?: string }>().dataDir)
  configureImportCommand(program.command('import'), () => program.opts<{ dataDir?: string }>().dataDir)
  configureProfileCommand(program.command('profile'), () => program.opts<{ dataDir?: string }>().dataDir)
  configureExportCommand(program.command('export'), () => program.opts<{ dataDir?: string }>().dataDir)
  configureConflictsCommand(program.command('conflicts'), () => program.opts<{ dataDir?: string }>().dataDir)
  configureResolveCommand(program.command('resolve'), () => program.opts<{ dataDir?: string }>().dataDir)
  // Last, so it reaches every command above (and any added above this line later): commander's words in zh-CN.
  return localizeCommander(program)
}

/** Runs the CLI and returns the exit code; errors are printed in zh-CN, never as a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
    return exitCodes.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    }
    // A full disk or a missing permission reads as such (zh-CN), as in the app: one mapping for every door.
    const known = systemErrorToApi(error) ?? error
    out.error(`错误：${known instanceof ApiError || known instanceof Error ? known.message : String(known)}`)
    return exitCodes.failure
  }
}
