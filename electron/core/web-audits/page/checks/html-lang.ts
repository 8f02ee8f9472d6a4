/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import { pageNode, type CheckContext, type OwnOutcome } from './own-check'

/** aa-html-lang: the page language is declared on <html>, as a valid BCP 47 tag that fits the text. */

export interface LangFacts {
  lang: string | null
  /** Opening tag of <html>, for the node snippet. */
  openTag: string
  /** Up to 3000 characters of the body text. */
  sample: string
}

const CHINESE_PRIMARY = new Set([
  'zh',
  'cmn',
  'yue',
  'lzh',
  'wuu',
  'hak',
  'nan',
  'gan',
  'hsn',
  'cjy',
  'cdo',
  'cpx',
  'czh',
  'mnp',
])
const BCP47 =
  /^[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*(-[a-wyz\d](-[a-z\d]{2,8})+)*(-x(-[a-z\d]{1,8})+)?$/i

/** zh-CN reason the declaration fails, or null when it passes. Pure, unit-tested. */
export function htmlLangProblem(facts: Pick<LangFacts, 'lang' | 'sample'>): string | null {
  const lang = (facts.lang ?? '').trim()
  if (!lang) return '<html> 未声明 lang 属性，读屏软件无法确定用哪种语言朗读页面。'
  if (!BCP47.test(lang))
    return `lang="${lang}" 不是有效的 BCP 47 语言标记（中文页面应写 zh-CN、zh 或 zh-Hans）。`
  const [primary = '', second = ''] = lang.toLowerCase().split('-')
  if (primary === 'cn') return 'lang="cn" 中的 cn 是国家/地区代码而不是语言代码，中文页面应写 zh-CN。'
  if (primary === 'zh' && (second === 'chs' || second === 'cht'))
    return `lang="${lang}" 是旧式写法，不符合 BCP 47，应写 zh-Hans / zh-Hant（或 zh-CN）。`
  const han = (facts.sample.match(/\p{Script=Han}/gu) ?? []).length
  const kana = (facts.sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length
  const letters = (facts.sample.match(/\p{L}/gu) ?? []).length
  if (han >= 20 && han >= letters * 0.5 && kana < han * 0.05 && !CHINESE_PRIMARY.has(primary))
    return `页面正文以中文为主，但 lang 声明为 "${lang}"，读屏软件会用错误的语言朗读。`
  return null
}

export async function checkHtmlLang(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, () => {
    const html = document.documentElement
    const outer = html.outerHTML
    return {
      lang: html.getAttribute('lang') ?? html.getAttribute('xml:lang'),
      openTag: outer.slice(0, Math.min(outer.indexOf('>') + 1 || 200, 300)),
      sample: (document.body?.innerText ?? '').slice(0, 3000),
    }
  })
  const problem = htmlLangProblem(facts)
  if (!problem) return []
  return [
    { ruleId: 'aa-html-lang', needsReview: false, nodes: [pageNode('aa-html-lang', facts.openTag, problem)] },
  ]
}
