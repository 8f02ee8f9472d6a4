import { refsForCriteria } from '../clause-refs'
import { wcagFigures, type OwnRuleMeta } from './own-rule'

export const aaAutoplayMedia: OwnRuleMeta = {
  id: 'aa-autoplay-media',
  description: `自动播放超过 ${wcagFigures.autoplayMaxSeconds} 秒的声音应能暂停、停止或单独调节音量`,
  help: '不要自动播放有声音频或视频；确需自动播放时静音播放，或提供可用键盘操作的暂停 / 停止 / 音量控件（如 controls 属性）。',
  impact: 'serious',
  refs: refsForCriteria(['1.4.2']),
  method: `检查 audio / video：带 autoplay 属性或页面加载后正在播放、未静音、时长超过 ${wcagFigures.autoplayMaxSeconds} 秒（或为直播）且没有 controls 的判为不符合；时长未知或只能确认 autoplay 属性时列为需复核。脚本创建而未插入页面的音频无法看到。`,
}
