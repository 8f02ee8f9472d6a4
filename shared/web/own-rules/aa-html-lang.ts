import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaHtmlLang: OwnRuleMeta = {
  id: 'aa-html-lang',
  description: '页面应在 <html> 上用有效的语言标记声明主要语言',
  help: '中文页面写 <html lang="zh-CN">（或 zh、zh-Hans）；不要写成 zh_CN、cn 或 chinese。',
  impact: 'serious',
  refs: refsForCriteria(['3.1.1']),
  method:
    '检查 <html> 的 lang 属性是否存在、其主语言子标记（第一个连字符前的部分）是否为语言代码；与 axe 的 html-lang-valid 一样，主语言有效而地区等后续子标记未知时不计入。页面正文以中文为主而 lang 声明为其他语言时判为不符合。',
}
