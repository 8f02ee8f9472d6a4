import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

const requiredBy = ['web-1.2.3', 'web-operation-modes']

export const aaAgeingEntry: OwnRuleMeta = {
  id: 'aa-ageing-entry',
  description: '页面应提供适老化 / 无障碍浏览模式（或辅助工具条）的入口',
  // The rules it rests on are its clauses (refs); the help says only what to do.
  help: '在页面显著位置提供“无障碍浏览”“适老化”“长者模式”“关怀版”等入口，开启后提供大字、高对比度、放大、语音阅读等功能；桌面网站至少应提供超大鼠标指针和全键盘操作两种方式。',
  impact: 'moderate',
  refs: refsForCriteria([], { ageing: requiredBy }),
  method:
    '查找文字、title、aria-label 或图片 alt 含“适老化、无障碍、长者、长辈、关怀、大字、辅助浏览”等词的链接或按钮；找不到时列为需复核（入口可能是图片或由脚本生成），找到时不判断其功能是否可用。',
}

/** Ageing rule ids that require the entry (for the review reason). */
export const ageingEntryRequiredBy: readonly string[] = requiredBy
