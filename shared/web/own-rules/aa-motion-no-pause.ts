import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaMotionNoPause: OwnRuleMeta = {
  id: 'aa-motion-no-pause',
  description: '自动播放超过 5 秒的动画、轮播和滚动内容应能暂停、停止或隐藏',
  help: '为轮播图、滚动公告提供可用键盘操作的“暂停/播放”按钮，或改为由用户手动切换；动图控制在 5 秒内播完，或改为静态图片并提供播放按钮。',
  impact: 'serious',
  refs: refsForCriteria(['2.2.2']),
  method:
    '动图（GIF、APNG、WebP）读取图片自身的帧时长与循环次数，总时长超过 5 秒或无限循环、面积不小于 48×48 像素、附近没有暂停或停止按钮的判为不符合。轮播图和滚动文字在检测期间观察到自动切换或滚动、又找不到暂停或停止按钮的判为不符合；只能从常见轮播组件的自动播放设置或无限循环的 CSS 动画推断时列为需复核。',
}
