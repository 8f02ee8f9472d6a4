import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaCssGeneratedContent: OwnRuleMeta = {
  id: 'aa-css-generated-content',
  description: '有意义的文字不应只由 CSS ::before / ::after 生成',
  help: '把“必填”“新”“更多”等传达信息的文字写进 HTML；CSS 生成内容只用于装饰（图标、引号、分隔符）。',
  impact: 'moderate',
  refs: refsForCriteria(['1.3.1']),
  method:
    '读取可见元素 ::before / ::after 的 content，去掉引号、空白、标点、符号和图标字体私用区字符后仍含字母或汉字的判为不符合（WCAG 失败技术 F87）；使用图标字体的伪元素不计。',
}
