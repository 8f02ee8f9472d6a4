import { describe, expect, it } from 'vitest'
import { lintNoticeBlocks, lintNoticeText } from '../../support/notice-lint'

/** The lint over rendered notices must catch every broken or internal text issue #12 found, and pass clean text. */

const rules = (blocks: string[], evidence: string[] = []) =>
  lintNoticeBlocks(blocks, evidence).map((p) => p.rule)

describe('notice text lint', () => {
  it('catches what issue #12 found in notices', () => {
    expect(rules(['修复以下任一问题：。'])).toContain('冒号后紧跟句号（空列表）')
    expect(rules(['应在页面上说明。。'])).toContain('重复句号')
    expect(rules(['与 WCAG 1.4.3 不同，axe 的 color-contrast 规则仍按 WCAG 判断。'])).toEqual(
      expect.arrayContaining(['工具名 axe', '规则编号', '按 WCAG 判断（工具内部说法）']),
    )
    expect(rules(['修改方法参见：https://dequeuniversity.com/rules/axe/4.14/image-alt?lang=zh'])).toEqual(
      expect.arrayContaining(['英文厂商链接', '链接（通知书不应含有本站以外的链接）']),
    )
    expect(rules(['提示音比环境噪声高出 -2 dB。'])).toContain('负数数值')
    expect(rules(['图片须有替代文本（image-alt）'])).toContain('括号中的规则编号')
    expect(rules(['Ensure every image element has an alt attribute.'])).toContain('英文句子')
    expect(rules(['元素 main > img.banner 缺少替代文本。'])).toContain('选择器写法')
    expect(rules(['实测坡度为 undefined。'])).toContain('程序值')
    expect(rules(['涉及元素的网页代码为：', ''])).toContain('冒号后没有内容（空列表）')
  })

  it("passes a notice's own wording and what it quotes from the audited site", () => {
    const snippet = '<img src="/banner.png" width="300">'
    const url = 'https://lib.example.gov.cn/news?id=1'
    expect(
      lintNoticeBlocks(
        [
          '区图书馆：',
          '根据《中华人民共和国无障碍环境建设法》和《建筑与市政工程无障碍通用规范》（GB 55019-2021）等标准，现将有关事项通知如下：',
          '一、存在的主要问题',
          '附件：1.问题清单',
          '坡度 1:8（12.5%），超过 1:12 的最大允许坡度。',
          'GB 55019-2021 第2.3.1条第1款（强制性条文）',
          'WCAG 2.2 成功准则 1.4.3“对比度（最低）”',
          '涉及元素的网页代码为：',
          snippet,
          url,
          '中文页面写 lang="zh-CN"（或 zh、zh-Hans），不要写成 zh_CN、cn 或 chinese。',
          '联系人：王晓明　电话：0473-3012345。',
          '2026年3月5日印发',
        ],
        [snippet, url],
      ),
    ).toEqual([])
  })

  it('finds a broken sentence and a quoted link wrapped over lines of a PDF text', () => {
    expect(lintNoticeText('请修复以下任一问题：\n。下一段').map((p) => p.rule)).toContain('断句（跨行）')
    expect(lintNoticeText('页面：http://127.0.0.1:38\n393/ 存在问题。', ['http://127.0.0.1:38393/'])).toEqual(
      [],
    )
  })
})
