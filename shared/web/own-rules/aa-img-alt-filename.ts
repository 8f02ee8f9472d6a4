import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaImgAltFilename: OwnRuleMeta = {
  id: 'aa-img-alt-filename',
  description: '图片的替代文本不应是文件名',
  help: '把 alt 改为说明图片内容或用途的文字，例如新闻配图写明人物和事件，图片链接写明去向；纯装饰图片用 alt=""。',
  impact: 'serious',
  refs: refsForCriteria(['1.1.1']),
  method:
    '列出 alt（或图片按钮、热区的 alt）为文件名的可见图片：以图片扩展名结尾，等于图片地址中的文件名，或是相机与截图软件自动生成的名字（IMG_0001、DSC01234、微信图片_…、未标题-1 等）（WCAG 失败技术 F30）。',
}
