import type { NoticeColophon, NoticePhoto } from '../../../../shared/domain/notice-document'

/**
 * 附件2 laid out page by page, in fixed boxes: two pictures a row, two rows under the attachment's heading on its
 * first page and three on each further page. Because every box has a known height, the last page's free space is
 * known too, and the 版记 can sit at the foot of the last page as GB/T 9704 7.4 asks (its last rule on the type
 * area's lower edge) — print CSS has no other way to put a block at the foot of the last page.
 */

export const photoLayout = {
  /** A page's box: the 225 mm type area less 1 mm, so rounding never spills onto an extra page. */
  pageMm: 224,
  /** 附件2 on the first line, its title on the third, then a gap. */
  headerMm: 40,
  perRow: 2,
  imageWidthMm: 76,
  imageHeightMm: 52,
  /** Three lines of 9 pt caption. */
  captionMm: 12,
  rowGapMm: 3,
  columnGapMm: 4,
} as const

export const cellHeightMm = photoLayout.imageHeightMm + 1 + photoLayout.captionMm

function rowsHeight(rows: number): number {
  return rows === 0 ? 0 : rows * cellHeightMm + (rows - 1) * photoLayout.rowGapMm
}

function rowsThatFit(space: number): number {
  let rows = 0
  while (rowsHeight(rows + 1) <= space) rows++
  return rows
}

/** 版记 lines are 4号 (14 pt) with a 7.5 mm pitch; 抄送 wraps at about 28 characters a line. */
export const colophonLineMm = 7.5
const colophonPaddingMm = 2

export function colophonHeightMm(colophon: NoticeColophon): number {
  const copyLines = colophon.copyTo ? Math.ceil(([...colophon.copyTo].length + 4) / 28) : 0
  const elements = (copyLines > 0 ? 1 : 0) + 1
  return (copyLines + 1) * colophonLineMm + elements * colophonPaddingMm + 1
}

/**
 * The pictures of each page of 附件2. With a 版记 the last page keeps room for it: a full last page gives its last
 * row to a page of its own.
 */
export function photoPages(photos: readonly NoticePhoto[], colophon: NoticeColophon | null): NoticePhoto[][] {
  if (photos.length === 0) return []
  const firstRows = rowsThatFit(photoLayout.pageMm - photoLayout.headerMm)
  const laterRows = rowsThatFit(photoLayout.pageMm)
  const pages: NoticePhoto[][] = []
  let rest = [...photos]
  while (rest.length > 0) {
    const rows = pages.length === 0 ? firstRows : laterRows
    const take = rows * photoLayout.perRow
    pages.push(rest.slice(0, take))
    rest = rest.slice(take)
  }
  if (colophon) {
    const last = pages.length - 1
    const header = last === 0 ? photoLayout.headerMm : 0
    const rows = Math.ceil(pages[last]!.length / photoLayout.perRow)
    const free = photoLayout.pageMm - header - rowsHeight(rows)
    if (free < colophonHeightMm(colophon) + photoLayout.rowGapMm) {
      const moved = pages[last]!.splice((rows - 1) * photoLayout.perRow)
      pages.push(moved)
      if (pages[last]!.length === 0) pages.splice(last, 1)
    }
  }
  return pages
}
