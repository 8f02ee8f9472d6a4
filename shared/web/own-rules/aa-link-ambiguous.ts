import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLinkAmbiguous: OwnRuleMeta = {
  id: 'aa-link-ambiguous',
  description: '同一页面上文字相同的链接不应指向不同的地址',
  help: '为去向不同的同名链接写出区别，例如“下载申请表（个人）”“下载申请表（企业）”，或用 aria-label 补充说明（须包含可见文字）。',
  impact: 'moderate',
  refs: refsForCriteria(['2.4.4']),
  method:
    '按可访问名称把可见链接分组，同名链接指向两个以上不同地址、且这些链接都没有说明去向的上下文（段落、列表项、表格单元格中的其他文字，aria-describedby，或紧邻的前置标题）时判为不符合；已按泛指词规则列出的链接不重复计入。',
}
