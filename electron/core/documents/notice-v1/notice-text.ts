import type { NoticeDocumentV1, NoticeDocumentItem } from '../../../../shared/domain/notice-document'
import type { FindingSource } from '../../../../shared/domain/inspections'

/**
 * The fixed wording of the 整改通知书, shared by the HTML/PDF and Word renderers so both say the same thing.
 * Values from the document are interpolated here as plain text; each renderer escapes the result.
 */
export const noticeText = {
  title: '无障碍环境问题整改通知书',
  previewNumber: '（预览，签发时编号）',
  seal: '（盖章）',
  page: '页面：',
  noClause: '—',
  heading: {
    items: '一、存在的问题及整改要求',
    deadline: '二、整改期限',
    reply: '三、回复要求',
    contact: '四、联系方式',
  },
  foundLabel: '发现的问题',
  clausesLabel: '依据条款',
  remedyLabel: '整改要求',
  documentTitle: (doc: NoticeDocumentV1) => `整改通知书 ${doc.number ?? '（预览）'} ${doc.unitName}`,
  locationLabel: (source: FindingSource) => (source === 'web' ? '网站/页面' : '场所/部位'),
  elementsLabel: (source: FindingSource) => (source === 'web' ? '涉及元素' : '涉及部位'),
  evidenceLabel: (kind: 'photo' | 'screenshot') => (kind === 'photo' ? '现场照片' : '网页截图'),
  evidenceHeading: (item: NoticeDocumentItem) =>
    item.evidence.every((e) => e.kind === 'screenshot')
      ? '网页截图'
      : item.evidence.every((e) => e.kind === 'photo')
        ? '现场照片'
        : '照片/截图',
  moreElements: (total: number, shown: number) =>
    total > shown ? `共 ${total} 处，以上列出前 ${shown} 处。` : '',
  opening: (doc: NoticeDocumentV1) => {
    const site = doc.items.some((i) => i.source === 'site')
    const web = doc.items.some((i) => i.source === 'web')
    const scope = site && web ? '场所和网站' : web ? '网站' : '场所'
    return `根据《中华人民共和国无障碍环境建设法》和有关国家标准，${doc.issuer}对你单位负责的${scope}开展了无障碍督查，发现下列 ${doc.items.length} 项问题。现通知你单位限期整改，具体如下：`
  },
  deadlineSentence: (deadline: string) => `请于${deadline}前完成上述问题的整改。`,
}
