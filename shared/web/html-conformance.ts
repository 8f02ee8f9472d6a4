import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2'
import { refsForCriteria, type ClauseRefs } from './clause-refs'
import {
  FOREIGN_ROOTS,
  IMPLIED_CLOSE,
  OBSOLETE_VOID,
  obsoleteElements,
  optionalEndTags,
  VOID,
} from './html-elements'
import type { Severity } from './standards'

export { obsoleteElements, optionalEndTags } from './html-elements'

/**
 * HTML conformance checks on the raw page source (before the browser repairs it), with htmlparser2's tokenizer
 * (pure JS, no Node built-ins, so this runs in the renderer too).
 *
 * WCAG 4.1.1 Parsing was removed in WCAG 2.2 but is part of WCAG 2.0/2.1, on which GB/T 37668-2019 is based, so
 * the parsing findings carry SC 4.1.1. The reference gives no verified GB/T 37668 clause number for it, so
 * `refs.gbt37668` stays empty and `parsingNoteZh` explains that in reports.
 */

export type ConformanceRuleId =
  | 'missing-doctype'
  | 'mismatched-end-tag'
  | 'unclosed-element'
  | 'non-void-self-closing'
  | 'duplicate-attribute'
  | 'duplicate-id'
  | 'obsolete-element'

export interface ConformanceIssue {
  ruleId: ConformanceRuleId
  /** 1-based line and column (UTF-16 code units) of the '<' that starts the tag, or of the attribute name. */
  line: number
  column: number
  /** Lower-case tag name; '!doctype' for the doctype rule. */
  tag: string
  /** zh-CN */
  message: string
  severity: Severity
  refs: ClauseRefs
}

export interface ConformanceResult {
  /** Sorted by position; at most `maxIssues` in total and `maxPerRule` per rule. */
  issues: ConformanceIssue[]
  /** Issues found before capping. */
  totalFound: number
  countsByRule: Partial<Record<ConformanceRuleId, number>>
  truncated: boolean
  /** The doctype text ('!DOCTYPE html'), or null when there is none. */
  doctype: string | null
}

export interface ConformanceOptions {
  maxIssues?: number
  maxPerRule?: number
}

export const parsingNoteZh =
  'WCAG 2.2 已删除 4.1.1（解析），但 GB/T 37668-2019 以 WCAG 2.0/2.1 为基础，仍按此检查；对应的 GB/T 37668 条款号未核实。'

const PARSING = refsForCriteria(['4.1.1'])
const NO_REFS: ClauseRefs = { wcag: [], gbt37668: [], level: null, ageing: [] }

export const conformanceRules: Readonly<
  Record<ConformanceRuleId, { titleZh: string; severity: Severity; refs: ClauseRefs }>
> = {
  'missing-doctype': { titleZh: '缺少文档类型声明', severity: 'minor', refs: NO_REFS },
  'mismatched-end-tag': { titleZh: '结束标签不匹配', severity: 'minor', refs: PARSING },
  'unclosed-element': { titleZh: '元素未闭合', severity: 'minor', refs: PARSING },
  'non-void-self-closing': { titleZh: '非空元素使用自闭合写法', severity: 'minor', refs: PARSING },
  'duplicate-attribute': { titleZh: '同一元素属性重复', severity: 'minor', refs: PARSING },
  'duplicate-id': { titleZh: 'id 重复', severity: 'minor', refs: PARSING },
  'obsolete-element': { titleZh: '使用已废弃的元素', severity: 'minor', refs: NO_REFS },
}

const OBSOLETE_REFS: Readonly<Record<string, ClauseRefs>> = {
  blink: refsForCriteria(['2.2.2']),
  marquee: refsForCriteria(['2.2.2']),
}

interface Open {
  name: string
  offset: number
  /** SVG/MathML element: `/>` closes it and void rules do not apply. */
  foreign: boolean
  /** Its children are foreign too (false for foreignObject, whose children are HTML again). */
  foreignChildren: boolean
}

function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 }
  }
}

export function checkHtmlConformance(source: string, options: ConformanceOptions = {}): ConformanceResult {
  const maxIssues = options.maxIssues ?? 100
  const maxPerRule = options.maxPerRule ?? 20
  const html = source.replace(/^\uFEFF/, '')
  const at = lineIndex(html)
  const found: ConformanceIssue[] = []
  const counts: Partial<Record<ConformanceRuleId, number>> = {}

  const report = (
    ruleId: ConformanceRuleId,
    offset: number,
    tag: string,
    message: string,
    refs?: ClauseRefs,
  ): void => {
    counts[ruleId] = (counts[ruleId] ?? 0) + 1
    const rule = conformanceRules[ruleId]
    found.push({ ruleId, ...at(offset), tag, message, severity: rule.severity, refs: refs ?? rule.refs })
  }

  const stack: Open[] = []
  const ids = new Map<string, number>()
  let doctype: string | null = null
  let sawElement = false
  let lateDoctypeOffset = -1
  let tag: Open | null = null
  let attrs = new Set<string>()
  let attrName = ''
  let attrOffset = 0
  let attrValue = ''

  const inForeign = (): boolean => stack.length > 0 && (stack[stack.length - 1] as Open).foreignChildren
  const popUnclosed = (count: number, closer: string, closerOffset: number): void => {
    for (let i = 0; i < count; i++) {
      const el = stack.pop() as Open
      if (!optionalEndTags.has(el.name)) {
        const { line } = at(closerOffset)
        report(
          'unclosed-element',
          el.offset,
          el.name,
          `<${el.name}> 未闭合：第 ${line} 行的 </${closer}> 之前缺少 </${el.name}>`,
        )
      }
    }
  }

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      const name = html.slice(start, end).toLowerCase()
      const foreign = inForeign() || FOREIGN_ROOTS.has(name)
      tag = { name, offset: start - 1, foreign, foreignChildren: foreign && name !== 'foreignobject' }
      attrs = new Set()
      sawElement = true
      const obsolete = obsoleteElements[name]
      if (obsolete && !tag.foreign)
        report('obsolete-element', start - 1, name, `<${name}> 已废弃：${obsolete}`, OBSOLETE_REFS[name])
      const closes = tag.foreign ? undefined : IMPLIED_CLOSE.get(name)
      while (closes && stack.length > 0 && closes.has((stack[stack.length - 1] as Open).name)) stack.pop()
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase()
      attrOffset = start
      attrValue = ''
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end)
    },
    onattribentity() {},
    onattribend() {
      if (!tag) return
      if (attrs.has(attrName)) {
        report(
          'duplicate-attribute',
          attrOffset,
          tag.name,
          `<${tag.name}> 的 ${attrName} 属性重复出现，浏览器只采用第一个`,
        )
        return
      }
      attrs.add(attrName)
      const id = attrValue.trim()
      if (attrName === 'id' && id) {
        const first = ids.get(id)
        if (first === undefined) ids.set(id, tag.offset)
        else
          report(
            'duplicate-id',
            tag.offset,
            tag.name,
            `id="${id}" 与第 ${at(first).line} 行的元素重复，id 在页面中必须唯一`,
          )
      }
    },
    onopentagend() {
      if (!tag) return
      if (tag.foreign || !(VOID.has(tag.name) || OBSOLETE_VOID.has(tag.name))) stack.push(tag)
      tag = null
    },
    onselfclosingtag() {
      if (!tag) return
      const isVoid = VOID.has(tag.name) || OBSOLETE_VOID.has(tag.name)
      if (!tag.foreign && !isVoid) {
        report(
          'non-void-self-closing',
          tag.offset,
          tag.name,
          `<${tag.name}/> 不是空元素，HTML 会忽略“/”而不闭合它，请写成 <${tag.name}></${tag.name}>`,
        )
      }
      tag = null
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase()
      const offset = html.lastIndexOf('<', start)
      if (!inForeign() && (VOID.has(name) || OBSOLETE_VOID.has(name))) {
        report('mismatched-end-tag', offset, name, `<${name}> 是空元素，不应有结束标签 </${name}>`)
        return
      }
      let i = stack.length - 1
      while (i >= 0 && (stack[i] as Open).name !== name) i--
      if (i < 0) {
        if (name === 'html' || name === 'body' || name === 'head') return // start tags are optional too
        report('mismatched-end-tag', offset, name, `结束标签 </${name}> 没有对应的开始标签（多余或嵌套错误）`)
        return
      }
      popUnclosed(stack.length - 1 - i, name, offset)
      stack.pop()
    },
    ondeclaration(start, end) {
      const text = html.slice(start, end)
      if (/^doctype\b/i.test(text) && doctype === null) {
        doctype = `!${text}`
        if (sawElement) lateDoctypeOffset = start - 2
      }
    },
    oncdata() {},
    oncomment() {},
    onprocessinginstruction() {},
    ontext() {},
    ontextentity() {},
    onend() {},
  }

  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks)
  tokenizer.write(html)
  tokenizer.end()

  if (doctype === null && html.trim() !== '') {
    report(
      'missing-doctype',
      0,
      '!doctype',
      '缺少 <!DOCTYPE html> 声明，浏览器将以怪异模式渲染页面，缩放和排版可能异常',
    )
  } else if (lateDoctypeOffset >= 0) {
    report(
      'missing-doctype',
      lateDoctypeOffset,
      '!doctype',
      '<!DOCTYPE> 应位于文档最前面（任何元素之前），否则浏览器将以怪异模式渲染',
    )
  }
  for (const el of stack) {
    if (!optionalEndTags.has(el.name))
      report(
        'unclosed-element',
        el.offset,
        el.name,
        `<${el.name}> 没有结束标签 </${el.name}>（直到文档结束）`,
      )
  }

  found.sort((a, b) => a.line - b.line || a.column - b.column)
  const perRule: Partial<Record<ConformanceRuleId, number>> = {}
  const issues: ConformanceIssue[] = []
  for (const issue of found) {
    const n = perRule[issue.ruleId] ?? 0
    if (n >= maxPerRule || issues.length >= maxIssues) continue
    perRule[issue.ruleId] = n + 1
    issues.push(issue)
  }
  return {
    issues,
    totalFound: found.length,
    countsByRule: counts,
    truncated: issues.length < found.length,
    doctype,
  }
}
