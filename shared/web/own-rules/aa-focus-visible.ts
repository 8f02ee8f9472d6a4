import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaFocusVisible: OwnRuleMeta = {
  id: 'aa-focus-visible',
  description: '键盘聚焦时应有可见的焦点指示',
  help: '不要去掉浏览器默认的焦点框而不加替代（例如样式中的 outline: none）；应为获得焦点的元素设置明显的边框、轮廓、阴影或背景变化。',
  impact: 'serious',
  refs: refsForCriteria(['2.4.7']),
  method:
    '按 Tab 聚焦每个元素，比较聚焦前后该元素及其父元素的 outline、边框、阴影、背景色、文字颜色和下划线；全部没有变化的元素判为不符合。焦点样式由其他元素（如伪元素、兄弟元素）呈现时可能误报。',
}
