import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaKeyboardTrap: OwnRuleMeta = {
  id: 'aa-keyboard-trap',
  description: '键盘焦点不应被困在页面的某个区域内',
  help: '确保只用 Tab、Shift+Tab 或 Esc 键就能把焦点移出页面上的任何组件（嵌入的播放器、弹窗、地图、内嵌框架等）；确需用其他按键离开的，应在页面上写明操作方法。',
  impact: 'critical',
  refs: refsForCriteria(['2.1.2']),
  method:
    '从页面开头连续按 Tab（有次数上限），记录焦点依次停留的元素。若焦点在少数几个元素之间循环、页面上还有其他可聚焦元素，且按 Shift+Tab 和 Esc 也无法移出，判为不符合；循环发生在对话框内时列为需复核。',
}
