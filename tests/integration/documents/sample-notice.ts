import sharp from 'sharp'
import type {
  EvidenceLoader,
  NoticeDocumentV1,
  NoticeDocumentV2,
} from '../../../shared/domain/notice-document'

/** Hostile text as an audited page could carry it; must show literally, never as markup. */
export const hostileSnippet = '<img src=x onerror=alert(1)>'
export const hostileTitle = '按钮缺少可访问名称 </title><script>alert(2)</script>'
export const formulaText = '=HYPERLINK("http://evil.example","点此")'

/** A real JPEG (a ramp with a dark "ramp" shape), made once per test file. */
export async function makeJpeg(width = 480, height = 360, hue = 40): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="hsl(${hue},40%,80%)"/><stop offset="1" stop-color="hsl(${hue + 60},40%,45%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<polygon points="0,${height} ${width},${Math.round(height * 0.45)} ${width},${height}" fill="#555"/>
<rect x="${width * 0.1}" y="${height * 0.15}" width="${width * 0.2}" height="${height * 0.35}" fill="#eee" stroke="#333" stroke-width="4"/>
</svg>`
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer())
}

export function sampleNotice(): NoticeDocumentV1 {
  return {
    number: '乌残无障碍整改〔2026〕第7号',
    issuer: '乌达区残疾人联合会无障碍体验促进队',
    unitName: '乌达区图书馆',
    issuedOn: '2026-03-05',
    deadline: '2026-04-04',
    replyInstructions:
      '请你单位在整改期限内完成整改，并将整改情况书面回复（附整改后照片或网页截图），报送本单位。逾期未整改的，将报区无障碍环境建设工作牵头部门督办。',
    contact: '联系人：王晓明　电话：0473-3012345',
    items: [
      {
        index: 1,
        itemId: 11,
        source: 'site',
        location: '乌达区图书馆·北入口坡道',
        title: '北入口轮椅坡道坡度过大',
        found: '实测坡度 1:8（12.5%），要求不大于 1:12（8.3%）。',
        remedy: '改建坡道，坡度不大于 1:12，并在两侧设置扶手。',
        severity: 'critical',
        clauses: [
          { code: 'GB 55019-2021', clause: '3.1.4', mandatory: true },
          { code: 'GB 50763-2012', clause: '3.4.4', mandatory: false },
        ],
        elements: [],
        elementCount: 0,
        evidence: [{ kind: 'photo', ref: 'a'.repeat(64), caption: '北入口坡道（2026年3月1日）' }],
      },
      {
        index: 2,
        itemId: 12,
        source: 'site',
        location: '乌达区图书馆·一层无障碍卫生间',
        title: '无障碍卫生间未设紧急呼叫装置',
        found: '未设置救助呼叫按钮，要求设置求助呼叫按钮。',
        remedy: '在坐便器旁和地面以上 0.40 m～0.50 m 处各设一个求助呼叫按钮。',
        severity: 'major',
        clauses: [{ code: 'GB 55019-2021', clause: '3.6.3', mandatory: true }],
        elements: [],
        elementCount: 0,
        evidence: [{ kind: 'photo', ref: 'b'.repeat(64), caption: '一层卫生间' }],
      },
      {
        index: 3,
        itemId: 13,
        source: 'web',
        location: '乌达区图书馆门户网站（页面：https://lib.example.gov.cn/news?id=1&x=<b>）',
        subject: '乌达区图书馆门户网站',
        position: 'https://lib.example.gov.cn/news?id=1&x=<b>',
        title: hostileTitle,
        found: '图片缺少替代文本（axe 规则 image-alt）。',
        remedy: formulaText,
        severity: 'minor',
        clauses: [
          { code: 'GB/T 37668-2019', clause: '8.2.1.1', mandatory: false },
          { code: 'WCAG 2.2', clause: '1.1.1', mandatory: false },
        ],
        elements: [
          {
            pageUrl: 'https://lib.example.gov.cn/news?id=1&x=<b>',
            selector: 'main > img.banner',
            html: hostileSnippet,
          },
        ],
        elementCount: 4,
        evidence: [{ kind: 'screenshot', ref: 'run-3/el-1.png', caption: '首页横幅图片' }],
      },
    ],
  }
}

/** Photo a and the screenshot exist; photo b is "gone from the data folder". */
export function sampleLoader(jpeg: Uint8Array): EvidenceLoader {
  return async (ev) => (ev.ref === 'b'.repeat(64) ? null : { bytes: jpeg, mimeType: 'image/jpeg' })
}

/**
 * A version 2 notice as the snapshot builder writes it: two site items of one place sharing a photo, a web item
 * with hostile text, a missing photo and a 版记.
 */
export function sampleNoticeV2(): NoticeDocumentV2 {
  const site = (index: number, title: string, found: string, remedy: string, photoNumbers: number[]) => ({
    index,
    itemId: 10 + index,
    source: 'site' as const,
    subject: '乌达区图书馆',
    position: title.split('：')[0]!,
    title,
    found,
    remedy,
    severity: 'critical' as const,
    clauses: [{ code: 'GB 55019-2021', clause: '2.3.1', item: '1', mandatory: true }],
    ruleIds: [],
    elements: [],
    elementCount: 0,
    photoNumbers,
  })
  return {
    version: 2,
    number: '乌残无障碍整改〔2026〕7号',
    issuer: '乌达区残疾人联合会无障碍体验促进队',
    unitName: '乌达区图书馆',
    issuedOn: '2026-03-05',
    deadline: '2026-04-04',
    title: '无障碍环境问题整改通知书',
    body: [
      {
        kind: 'paragraph',
        text: '根据《中华人民共和国无障碍环境建设法》和《建筑与市政工程无障碍通用规范》（GB 55019-2021）等标准，乌达区残疾人联合会无障碍体验促进队对你单位负责的乌达区图书馆进行了无障碍设施现场检查，对乌达区图书馆门户网站进行了无障碍检测，发现问题共 3 项，其中不符合强制性条文的 2 项。现将有关事项通知如下：',
      },
      { kind: 'heading', text: '一、存在的主要问题' },
      {
        kind: 'paragraph',
        text: '（一）乌达区图书馆。2026年3月1日现场检查发现，北入口坡道存在问题 2 项，其中不符合强制性条文的 2 项，主要是北入口坡道的坡道坡度、北入口坡道的坡道扶手不符合要求（见附件1第1至2项）。',
      },
      { kind: 'heading', text: '二、整改要求' },
      { kind: 'paragraph', text: '请你单位对照问题清单逐项整改。' },
      { kind: 'heading', text: '三、整改期限' },
      { kind: 'paragraph', text: '请于2026年4月4日前完成整改。' },
      { kind: 'heading', text: '四、整改回复' },
      { kind: 'paragraph', text: '请将整改情况书面回复。' },
      { kind: 'paragraph', text: '联系人：王晓明　电话：0473-3012345。' },
    ],
    attachments: ['问题清单', '现场照片和网页截图'],
    items: [
      site(
        1,
        '北入口坡道：坡道坡度',
        '实测坡度 1:8（12.5%），要求不大于 1:12（8.33%）。',
        '改建坡道，坡度不大于 1:12。',
        [1],
      ),
      site(2, '北入口坡道：坡道扶手', '未设扶手，要求两侧设扶手。', '在坡道两侧设置扶手。', [1, 2]),
      {
        index: 3,
        itemId: 13,
        source: 'web',
        subject: '乌达区图书馆门户网站',
        position: 'https://lib.example.gov.cn/news?id=1&x=<b>',
        title: hostileTitle,
        found: '共 4 处存在此问题。',
        remedy: formulaText,
        severity: 'minor',
        clauses: [{ code: 'WCAG 2.2', clause: '1.1.1', mandatory: false }],
        ruleIds: ['image-alt'],
        elements: [{ pageUrl: 'https://lib.example.gov.cn/news?id=1&x=<b>', html: hostileSnippet }],
        elementCount: 4,
        photoNumbers: [3],
      },
    ],
    photos: [
      {
        number: 1,
        kind: 'photo',
        ref: 'a'.repeat(64),
        caption: '乌达区图书馆·北入口坡道（2026年3月1日检查）',
        itemIndexes: [1, 2],
      },
      { number: 2, kind: 'photo', ref: 'b'.repeat(64), caption: '北入口坡道扶手', itemIndexes: [2] },
      { number: 3, kind: 'screenshot', ref: 'run-3/el-1.png', caption: '首页横幅图片', itemIndexes: [3] },
    ],
    colophon: {
      copyTo: '区住房和城乡建设局，区残疾人联合会',
      printer: '乌达区残疾人联合会无障碍体验促进队',
      printedOn: '2026-03-05',
    },
  }
}
