import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaHoverOnly: OwnRuleMeta = {
  id: 'aa-hover-only',
  description: '只在鼠标悬停时出现的菜单和内容也应能用键盘打开',
  help: '为悬停显示的下拉菜单同时写 :focus-within 样式，或用按钮（aria-expanded）控制展开；用 onmouseover 实现的效果同时绑定 onfocus 与键盘事件。',
  impact: 'serious',
  refs: refsForCriteria(['2.1.1']),
  method:
    '读取本站样式表中带 :hover 的规则：悬停时把含链接或按钮的子菜单从隐藏变为显示，而没有对应的 :focus-within 或 :focus 规则、子菜单当前隐藏时判为不符合。只在 onmouseover / onmouseenter 属性中实现、没有 onfocus / onclick 的元素列为需复核。跨域样式表和用脚本绑定的悬停效果无法读取。',
}
