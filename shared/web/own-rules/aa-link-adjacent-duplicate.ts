import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLinkAdjacentDuplicate: OwnRuleMeta = {
  id: 'aa-link-adjacent-duplicate',
  description: '相邻的图片链接和文字链接指向同一地址时，应合并为一个链接',
  help: '把指向同一页面的图片和标题放进同一个 <a> 元素（图片 alt 可设为空），键盘和读屏用户就只需经过一次，不会听到重复内容。',
  impact: 'minor',
  refs: refsForCriteria([], { gbt37668: ['3.3.2.2'] }),
  method:
    '按页面顺序比较每对前后相邻的可见链接：两者之间没有其他文字或可聚焦元素、目标地址相同（“#”和脚本地址除外）时判为不符合。',
}
