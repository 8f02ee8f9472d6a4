import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLinkNoTarget: OwnRuleMeta = {
  id: 'aa-link-no-target',
  description: '链接应指向真实的地址；只用来触发脚本的“链接”应改为按钮',
  help: '跳转到其他页面或位置的链接，href 应写真实地址；用于展开、打印、切换等操作的，请改用 <button> 元素（或加 role="button" 并支持空格键），让读屏软件正确播报它的作用。',
  impact: 'minor',
  refs: refsForCriteria(['4.1.2']),
  method:
    '列出 href 为空、只有“#”或以“javascript:”开头的可见链接（已声明 role="button" 等角色的除外）。页面脚本是否为其绑定了操作无法从页面中可靠看到，因此结果为需复核。',
}
