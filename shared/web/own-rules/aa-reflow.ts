import { refsForCriteria } from '../clause-refs'
import { wcagFigures, type OwnRuleMeta } from './own-rule'

export const aaReflow: OwnRuleMeta = {
  id: 'aa-reflow',
  description: `视口宽度为 ${wcagFigures.reflowWidthPx} CSS px 时，文字内容不应需要横向滚动`,
  help: '使用响应式布局（弹性盒、网格布局、媒体查询等），不使用固定宽度的容器，使页面宽度缩小到 320 像素时文字内容不需要横向滚动；长网址和长单词应允许断行。数据表、地图等需要二维布局的内容除外。',
  impact: 'serious',
  refs: refsForCriteria(['1.4.10']),
  method: `把视口宽度设为 ${wcagFigures.reflowWidthPx} px（相当于 1280 px 宽下放大 400%），若页面出现横向滚动，列出超出视口最多的元素；只有图片、视频、表格等二维内容超出时列为需复核。`,
}
