import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLinkNewWindow: OwnRuleMeta = {
  id: 'aa-link-new-window',
  description: '在新窗口或新标签页打开的链接应事先告知',
  help: '尽量在当前窗口打开链接；确需新窗口时，在链接文字或图标替代文本中注明“（在新窗口打开）”，让视力障碍和认知障碍用户知道页面会切换。',
  impact: 'minor',
  refs: refsForCriteria(['3.2.5']),
  method:
    '列出 target 为 _blank 或其他新窗口名称的可见链接，其可访问名称、title 和 aria-describedby 均未提及“新窗口”“新标签页”“新页面”“new window”“new tab”等字样时判为不符合（对应 WCAG 3.2.5 的充分技术 G201：打开新窗口前预先告知）。',
}
