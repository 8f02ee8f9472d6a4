import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaFieldsetLegend: OwnRuleMeta = {
  id: 'aa-fieldset-legend',
  description: '表单分组（fieldset）应有说明分组用途的 legend',
  help: '在 <fieldset> 的第一个子元素位置写 <legend>，内容为这组控件共同的问题或用途，例如“联系方式”“办理方式”。',
  impact: 'moderate',
  refs: refsForCriteria(['1.3.1']),
  method:
    'legend 存在但没有文字的 fieldset 判为不符合；没有 legend（也没有 aria-label / aria-labelledby）的 fieldset 列为需复核，因为只作视觉分组时不一定需要名称。',
}
