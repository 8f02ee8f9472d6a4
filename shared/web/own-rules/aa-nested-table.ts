import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaNestedTable: OwnRuleMeta = {
  id: 'aa-nested-table',
  description: '表格不宜层层嵌套',
  help: '用 CSS 布局代替排版表格；数据表中不要再嵌入表格，可拆成几个独立的表格并各自加标题。读屏软件逐格朗读嵌套表格时，用户很难弄清内容的先后与归属。',
  impact: 'minor',
  refs: refsForCriteria(['1.3.1', '1.3.2']),
  method:
    '列出嵌在其他表格单元格中的可见表格（外层或内层是数据表时，或排版表格嵌套三层以上时）。线性朗读顺序是否合理需要人工判断，因此结果为需复核。',
}
