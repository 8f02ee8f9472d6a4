import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaHtmlLang: OwnRuleMeta = {
  id: 'aa-html-lang',
  description: '页面应在 <html> 上用有效的语言标记声明主要语言',
  help: '中文页面写 <html lang="zh-CN">（或 zh、zh-Hans）；不要写成 zh_CN、cn 或 chinese，语言标记须符合 BCP 47。',
  impact: 'serious',
  refs: refsForCriteria(['3.1.1']),
  method:
    '检查 <html> 的 lang 属性是否存在、是否符合 BCP 47 格式；页面正文以中文为主而 lang 声明为其他语言时判为不符合。',
}
