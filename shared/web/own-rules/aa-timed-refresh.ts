import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaTimedRefresh: OwnRuleMeta = {
  id: 'aa-timed-refresh',
  description: '页面不应定时自动刷新或跳转',
  help: '删除网页中的定时刷新和定时跳转（包括 meta 刷新标签、Refresh 响应头和脚本中的定时跳转）；需要跳转时由服务器直接重定向，或提供链接让用户点击前往。',
  impact: 'serious',
  refs: refsForCriteria(['2.2.1', '2.2.4', '3.2.5']),
  method:
    '检查 meta refresh 与 Refresh 响应头中大于 0 且不超过 20 小时的延时；并记录检测期间页面脚本自行发起的跳转（检测程序会拦截该跳转以便继续检测）。',
}
