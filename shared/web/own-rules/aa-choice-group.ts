import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaChoiceGroup: OwnRuleMeta = {
  id: 'aa-choice-group',
  description: '同一问题下的一组单选框或复选框应编为一组并说明问题',
  help: '把同一问题的单选框或复选框放进 <fieldset>，用 <legend> 写出问题（如“性别”“办理渠道”）；或给外层元素加 role="radiogroup" / role="group" 和 aria-labelledby 指向问题文字。',
  impact: 'moderate',
  refs: refsForCriteria(['1.3.1', '3.3.2']),
  method:
    '把同一表单中 name 相同的可见单选框（两个以上）或复选框（两个以上）视为一组；这一组不在带非空 legend 的 fieldset 中，也不在有名称的 role="radiogroup" / role="group" 元素中时判为不符合。',
}
