import { describe, expect, it } from 'vitest'
import {
  extractLinks,
  isNonHtmlLink,
  resolveLinks,
} from '../../../../electron/core/web-audits/crawl/link-extract'

describe('extractLinks', () => {
  it('resolves a[href] and area[href] against the page URL, in order, without repeats', () => {
    const html = `<a href="/a">A</a><a href="b.html">B</a><map><area href="/c" alt="c"></map><a href="/a">again</a>`
    expect(extractLinks(html, 'http://gov.example/dir/page')).toEqual([
      'http://gov.example/a',
      'http://gov.example/dir/b.html',
      'http://gov.example/c',
    ])
  })

  it('honours <base href> and decodes entities in attributes', () => {
    const html = `<head><base href="http://gov.example/zwgk/"></head><a href="list?x=1&amp;y=2">x</a>`
    expect(extractLinks(html, 'http://gov.example/')).toEqual(['http://gov.example/zwgk/list?x=1&y=2'])
  })

  it('skips mailto, javascript, tel, fragments, download links and documents', () => {
    const html = [
      '<a href="mailto:a@b.cn">m</a>',
      '<a href="javascript:void(0)">j</a>',
      '<a href="JavaScript:alert(1)">j2</a>',
      '<a href="tel:12345">t</a>',
      '<a href="#main">skip</a>',
      '<a href="/file.pdf">pdf</a>',
      '<a href="/a/%E6%96%87%E4%BB%B6.DOCX">docx</a>',
      '<a href="/report.xls?id=1">xls</a>',
      '<a href="/img.JPG">img</a>',
      '<a href="/export" download>dl</a>',
      '<a href="/ok.html">ok</a>',
      '<a>no href</a>',
    ].join('')
    expect(extractLinks(html, 'http://gov.example/')).toEqual(['http://gov.example/ok.html'])
  })

  it('survives broken markup', () => {
    expect(extractLinks('<a href="/x"<div><a href=/y>y', 'http://gov.example/')).toContain(
      'http://gov.example/y',
    )
  })
})

describe('isNonHtmlLink / resolveLinks', () => {
  it('classifies by scheme and path extension, not by query', () => {
    expect(isNonHtmlLink('http://a/b.pdf')).toBe(true)
    expect(isNonHtmlLink('http://a/view.jsp?file=b.pdf')).toBe(false)
    expect(isNonHtmlLink('http://a/index.shtml')).toBe(false)
    expect(isNonHtmlLink('weixin://dl/business')).toBe(true)
  })

  it('drops invalid URLs and non-http schemes after resolving', () => {
    expect(resolveLinks(['http://[bad', 'ftp://x/y', '//other.example/p'], 'https://gov.example/')).toEqual([
      'https://other.example/p',
    ])
  })
})
