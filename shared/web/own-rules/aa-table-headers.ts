import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaTableHeaders: OwnRuleMeta = {
  id: 'aa-table-headers',
  description: '数据表格应用 th 标明表头',
  help: '把表格首行（或首列）的标题单元格写成 <th>，并加 scope="col" 或 scope="row"；不要只用加粗或底色区分表头。',
  impact: 'serious',
  refs: refsForCriteria(['1.3.1']),
  method:
    '按数据表的特征（有 caption 或 thead、多行多列且多数单元格有文字、显示单元格边框、单元格内为数字或日期）区分数据表与排版表；没有任何表头单元格（th、scope、role="columnheader" / "rowheader"）的数据表，特征明确时判为不符合，只有部分特征时列为需复核。axe 的 td-has-header 已列出的表格不重复计入。',
}
