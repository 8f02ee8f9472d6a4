import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaKeyboardReach: OwnRuleMeta = {
  id: 'aa-keyboard-reach',
  description: '所有可操作的元素都应能用键盘到达',
  help: '用原生的链接、按钮、输入框等元素实现交互；自定义的可操作控件应能用 Tab 键聚焦（tabindex="0"），并能用回车键或空格键操作。',
  impact: 'serious',
  refs: refsForCriteria(['2.1.1']),
  method:
    '列出带点击处理（onclick 属性）或交互角色（role=button/link 等）却无法获得焦点的可见元素；并在 Tab 键走完一整圈时，列出按 Tab 顺序本应到达却始终未到达的可聚焦元素。通过 addEventListener 绑定的点击处理无法从页面中看到。',
}
