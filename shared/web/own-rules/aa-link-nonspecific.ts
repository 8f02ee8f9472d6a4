import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLinkNonspecific: OwnRuleMeta = {
  id: 'aa-link-nonspecific',
  description: '“更多”“详情”“点击这里”等链接应能看出去向',
  help: '把链接文字写具体，如“更多通知公告”“查看《××办法》全文”；或为链接加 aria-label（须包含可见文字），或把它放在能说明去向的标题、段落、列表项或表格单元格中。',
  impact: 'moderate',
  refs: refsForCriteria(['2.4.4']),
  method:
    '计算链接的可访问名称（aria-labelledby、aria-label、文字及图片 alt、title），去掉空白、箭头和标点后与中英文泛指词表（更多、详情、点击这里、点击进入、查看、here、more、read more 等）比对；链接位于有其他文字的段落、列表项、表格单元格中，有 aria-describedby，或其所在区块前有栏目标题元素（h2–h6；页面主标题 h1 说明的是整页而非栏目）时视为上下文已说明去向（WCAG 2.4.4 允许的程序可确定上下文），不计入。',
}
