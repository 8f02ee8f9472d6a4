import { refsForCriteria } from '../clause-refs'
import { ageingFigures, type OwnRuleMeta } from './own-rule'

export const aaLineSpacing: OwnRuleMeta = {
  id: 'aa-line-spacing',
  description: `正文的行距应不小于字号的 ${ageingFigures.minLineSpacing} 倍`,
  help: `把正文段落的 line-height 设为字号的 ${ageingFigures.minLineSpacing} 倍以上（建议 1.5 倍），行距过密时老年人和低视力用户容易串行。`,
  impact: 'minor',
  refs: refsForCriteria([], { ageing: ['app-1.2'] }),
  method: `读取至少折成两行的正文段落（段落、列表项、表格单元格等）的计算行高，明确设置的行高小于字号 ${ageingFigures.minLineSpacing} 倍时判为不符合；行高为 normal 时由字体决定，不作判断。数值来自适老化规范（APP）1.2，对网页是参照执行。`,
}
