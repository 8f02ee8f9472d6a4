import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaTableComplexHeaders: OwnRuleMeta = {
  id: 'aa-table-complex-headers',
  description: '多级表头的复杂表格应明确表头与数据单元格的对应关系',
  help: '有多行表头、合并表头单元格或同时有行表头和列表头的表格，请为每个 <th> 加 scope（col、row、colgroup、rowgroup），或给表头加 id、给数据单元格加 headers 属性。',
  impact: 'moderate',
  refs: refsForCriteria(['1.3.1']),
  method:
    '列出有两行以上表头、表头跨行跨列、或同时有行表头和列表头，而其中 th 都没有 scope、数据单元格也没有 headers 属性的表格。浏览器能否推断出正确的对应关系无法自动确定，因此结果为需复核。',
}
