import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaImgAltTitle: OwnRuleMeta = {
  id: 'aa-img-alt-title',
  description: '有提示文字（title）的图片不应把 alt 设为空',
  help: 'alt="" 表示图片是装饰，读屏软件会跳过它；若 title 中的信息对理解页面有用，请把它写进 alt；若图片确是装饰，请删去 title。',
  impact: 'moderate',
  refs: refsForCriteria(['1.1.1']),
  method:
    '列出 alt 为空、title 非空的可见图片。title 的内容在图片所在链接、图注或相邻文字中已经出现时视为装饰性图片，不计入；在附近找不到时判为不符合，附近只能部分找到时列为需复核。',
}
