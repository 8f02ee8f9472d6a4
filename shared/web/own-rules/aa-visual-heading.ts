import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaVisualHeading: OwnRuleMeta = {
  id: 'aa-visual-heading',
  description: '看起来是标题的文字应使用标题标记',
  help: '把栏目名称、文章标题、小节标题写成 <h1>–<h6>（按层级），而不是只用加粗、放大或底色的 div、span、td；读屏用户靠标题在页面中跳转。',
  impact: 'moderate',
  refs: refsForCriteria(['1.3.1']),
  method:
    '列出不在标题元素中、独占一行的短文字（不超过 30 个字）：加粗且字号至少为正文 1.2 倍，或字号至少为正文 1.5 倍，其后紧跟正文或列表。链接、按钮、表单标签、导航菜单中的文字不计入；axe 的 p-as-heading 已列出的段落不重复计入。是否真是标题需要人工确认，因此结果为需复核。',
}
