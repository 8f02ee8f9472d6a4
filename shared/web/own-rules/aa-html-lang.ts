import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaHtmlLang: OwnRuleMeta = {
  id: 'aa-html-lang',
  description: '页面应在 <html> 上用有效的语言标记声明主要语言',
  help: '在网页源码的 html 标签上用 lang 属性声明页面语言：中文页面写 lang="zh-CN"（或 zh、zh-Hans），不要写成 zh_CN、cn 或 chinese，语言代码须符合 BCP 47 规范。',
  impact: 'serious',
  refs: refsForCriteria(['3.1.1']),
  method:
    '检查 <html> 的 lang 属性是否存在、是否符合 BCP 47 格式；页面正文以中文为主而 lang 声明为其他语言时判为不符合。',
}
