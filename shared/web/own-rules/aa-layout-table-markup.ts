import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLayoutTableMarkup: OwnRuleMeta = {
  id: 'aa-layout-table-markup',
  description: '用于排版的表格不应使用 th、caption、summary 等数据表标记',
  help: '排版用的表格（已标 role="presentation" 或 role="none"）去掉 th、caption、summary、thead、scope、headers；若它其实是数据表，则去掉 role="presentation"。',
  impact: 'moderate',
  refs: refsForCriteria(['1.3.1']),
  method:
    '列出标有 role="presentation" 或 role="none" 却含有 th、caption、summary 属性、thead、tfoot、scope 或 headers 属性的表格（WCAG 失败技术 F46）。',
}
