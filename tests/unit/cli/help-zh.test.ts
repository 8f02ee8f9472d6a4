import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { translateCommanderError } from '../../../electron/cli/help-zh'
import { buildProgram } from '../../../electron/cli/main'

/** The CLI speaks zh-CN, commander's own words included, for every command (also ones added later). */

function everyCommand(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(everyCommand)]
}

const english =
  /Usage:|Options:|Commands:|Arguments:|display help|output the version|\(default:|\(choices:|\[options\]|\[command\]/

describe('access-audit help in zh-CN', () => {
  it('has no English commander words in the help of any command', () => {
    const commands = everyCommand(buildProgram())
    expect(commands.map((c) => c.name())).toEqual(
      expect.arrayContaining(['web', 'audit', 'notice', 'catalog']),
    )
    for (const cmd of commands) {
      const text = cmd.helpInformation()
      expect(text, cmd.name()).not.toMatch(english)
      expect(text, cmd.name()).toContain('用法：')
      expect(text, cmd.name()).toContain('-h, --help')
    }
    const top = buildProgram().helpInformation()
    expect(top).toContain('显示版本号')
    expect(top).toContain('help [命令]')
    expect(top).toContain('命令：')
  })

  it('aligns descriptions although CJK words take two columns', () => {
    const help = buildProgram().helpInformation().split('\n')
    const starts = ['以浏览器模式启动', '在线备份数据库', '显示数据文件夹', '显示命令的帮助'].map((words) => {
      const line = help.find((l) => l.includes(words))!
      // Columns before the description: ASCII counts 1, each CJK character 2.
      return [...line.slice(0, line.indexOf(words))].reduce(
        (w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1),
        0,
      )
    })
    expect(new Set(starts).size).toBe(1)
  })

  it('translates commander errors, keeping our own zh-CN reasons', () => {
    expect(translateCommanderError("error: unknown option '--bogus'")).toBe("错误：未知的选项 '--bogus'")
    expect(translateCommanderError("error: unknown command 'catalgo'\n(Did you mean catalog?)")).toBe(
      "错误：未知的命令 'catalgo'（是否要输入 catalog？）",
    )
    expect(translateCommanderError("error: missing required argument 'file'")).toBe(
      "错误：缺少必需的参数 'file'",
    )
    expect(translateCommanderError("error: required option '--format <format>' not specified")).toBe(
      "错误：缺少必需的选项 '--format <format>'",
    )
    expect(
      translateCommanderError(
        "error: option '--port <port>' argument 'x' is invalid. 端口须为 0–65535 的整数",
      ),
    ).toBe("错误：选项 '--port <port>' 的取值 'x' 无效：端口须为 0–65535 的整数")
    expect(
      translateCommanderError(
        "error: option '--role <role>' argument 'boss' is invalid. Allowed choices are field, coordinator.",
      ),
    ).toBe("错误：选项 '--role <role>' 的取值 'boss' 无效：可选值为 field, coordinator")
    expect(
      translateCommanderError("error: too many arguments for 'backup'. Expected 1 argument but got 2."),
    ).toBe("错误：命令 'backup' 的参数过多：应为 1 个，实际为 2 个")
  })
})
