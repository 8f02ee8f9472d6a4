import { stripVTControlCharacters } from 'node:util'
import { Help, type Argument, type Command, type Option } from 'commander'
import { displayWidth } from '../../shared/catalog/format'

/**
 * commander's own words in zh-CN, for every command of `access-audit` (also those added later): headings,
 * usage placeholders, "(default: …)", the help option and command, and its error messages. Applied once to the
 * whole tree by `localizeCommander(program)` at the end of buildProgram; commander passes the help and output
 * settings on to subcommands made after it, and the walk covers those made before.
 */

const titles: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
}

/** "[options] [command]" in a usage line or a command list. */
function usageWords(text: string): string {
  return text.replaceAll('[options]', '[选项]').replaceAll('[command]', '[命令]')
}

/** commander appends "(default: 50)", "(choices: …)", "(preset: …)", "(env: …)" to descriptions. */
function extraWords(text: string): string {
  // A repeatable option's empty list is not a default worth printing.
  return text
    .replace(/ \(default: \[\]\)$/, '')
    .replace(/ \(((?:default|choices|preset|env): .*)\)$/, (_, inner: string) => {
      const parts = inner.split(/, (?=(?:default|choices|preset|env): )/).map((part) =>
        part
          .replace(/^default: /, '默认：')
          .replace(/^choices: /, '可选值：')
          .replace(/^preset: /, '预设：')
          .replace(/^env: /, '环境变量：'),
      )
      return `（${parts.join('；')}）`
    })
}

const help: Partial<Help> = {
  // CJK characters take two columns in a terminal: the descriptions stay aligned.
  displayWidth: (text: string) => displayWidth(stripVTControlCharacters(text)),
  styleTitle: (title: string) => titles[title] ?? title,
  commandUsage(cmd: Command) {
    return usageWords(Help.prototype.commandUsage.call(this, cmd))
  },
  subcommandTerm(cmd: Command) {
    return usageWords(Help.prototype.subcommandTerm.call(this, cmd))
  },
  optionDescription(option: Option) {
    return extraWords(Help.prototype.optionDescription.call(this, option))
  },
  argumentDescription(argument: Argument) {
    return extraWords(Help.prototype.argumentDescription.call(this, argument))
  },
}

/** commander's error lines ("error: unknown option '--x'") in zh-CN; our own messages pass through. */
const errors: Array<[RegExp, (...groups: string[]) => string]> = [
  [
    /^error: unknown option '(.*)'\n\(Did you mean (.*)\?\)$/s,
    (o, s) => `未知的选项 '${o}'（是否要输入 ${s}？）`,
  ],
  [/^error: unknown option '(.*)'$/, (o) => `未知的选项 '${o}'`],
  [
    /^error: unknown command '(.*)'\n\(Did you mean (.*)\?\)$/s,
    (c, s) => `未知的命令 '${c}'（是否要输入 ${s}？）`,
  ],
  [/^error: unknown command '(.*)'$/, (c) => `未知的命令 '${c}'`],
  [/^error: missing required argument '(.*)'$/, (a) => `缺少必需的参数 '${a}'`],
  [/^error: option '(.*)' argument missing$/, (o) => `选项 '${o}' 缺少取值`],
  [/^error: required option '(.*)' not specified$/, (o) => `缺少必需的选项 '${o}'`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, e, g) => `${c ? `命令 '${c}' 的` : ''}参数过多：应为 ${e} 个，实际为 ${g} 个`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. ?(.*)$/s,
    (o, v, why) =>
      `选项 '${o}' 的取值 '${v}' 无效${why ? `：${why.replace(/^Allowed choices are (.*)\.$/s, '可选值为 $1')}` : ''}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. ?(.*)$/s,
    (v, a, why) => `参数 '${a}' 的取值 '${v}' 无效${why ? `：${why}` : ''}`,
  ],
  [/^error: (.*) cannot be used with (.*)$/, (a, b) => `${a} 不能与 ${b} 同时使用`],
  [/^error: (.*)$/s, (rest) => rest],
]

/** One commander error line (without its trailing newline) in zh-CN, prefixed 错误：. */
export function translateCommanderError(line: string): string {
  for (const [pattern, make] of errors) {
    const match = pattern.exec(line)
    if (match) return `错误：${make(...match.slice(1).map((g) => g ?? ''))}`
  }
  return line
}

function localize(cmd: Command): void {
  cmd.configureHelp(help)
  cmd.helpOption('-h, --help', '显示帮助')
  if (cmd.commands.length > 0) cmd.helpCommand('help [命令]', '显示命令的帮助')
  cmd.configureOutput({
    ...cmd.configureOutput(),
    outputError: (text, write) => write(`${translateCommanderError(text.replace(/\n$/, ''))}\n`),
  })
  for (const sub of cmd.commands) localize(sub)
}

/** Localizes commander's texts on `program` and every command under it. */
export function localizeCommander(program: Command): Command {
  localize(program)
  return program
}
