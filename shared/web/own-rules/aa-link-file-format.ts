import { refsForCriteria } from '../clause-refs'
import type { OwnRuleMeta } from './own-rule'

export const aaLinkFileFormat: OwnRuleMeta = {
  id: 'aa-link-file-format',
  description: '下载文件的链接应说明文件格式',
  help: '在链接文字或紧随其后的说明中写明文件格式，如“××办法（PDF）”“申请表（Word）”“附件（ZIP 压缩包）”，便于用户判断能否用手头的软件和辅助技术打开。',
  impact: 'minor',
  refs: refsForCriteria([]),
  bestPractice: true,
  method:
    '列出地址以 .pdf、.doc、.docx、.xls、.xlsx、.ppt、.pptx、.wps、.et、.ofd、.zip、.rar、.7z 等结尾的可见链接；链接名称及其所在段落、列表项或表格单元格中都没有格式字样（PDF、Word、Excel、压缩包等）时判为不符合。属于最佳实践；文件大小不作要求，因为尚无可靠来源确认适老化规范要求标注大小。',
}
