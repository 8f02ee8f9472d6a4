import { escapeHtml } from '../documents/html-escape'

/**
 * A small grouped bar chart as inline SVG for the printed report. Series differ by fill pattern as well as colour
 * (printed in black and white they stay apart), every bar carries its number, and the chart has a title and
 * description for assistive technology; the report prints the same figures as a table beside it.
 */

export interface BarSeries {
  name: string
  values: number[]
}

interface SeriesStyle {
  fill: string
  pattern: string | null
}

const seriesStyles: SeriesStyle[] = [
  { fill: '#1f4e8c', pattern: null },
  { fill: '#1d6b3a', pattern: 'hatch' },
  { fill: '#8a4b00', pattern: 'dots' },
]

function patternDefs(id: string): string {
  return `<defs>
<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
  <rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${seriesStyles[1]!.fill}"/>
</pattern>
<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse">
  <rect width="5" height="5" fill="${seriesStyles[2]!.fill}"/><circle cx="2.5" cy="2.5" r="1.2" fill="#ffffff"/>
</pattern>
</defs>`
}

function fillOf(id: string, index: number): string {
  const style = seriesStyles[index % seriesStyles.length]!
  return style.pattern ? `url(#${id}-${style.pattern})` : style.fill
}

export function barChartSvg(options: {
  id: string
  title: string
  /** Axis labels under the bars; keep them short (e.g. "9月"), long ones are cut. */
  categories: string[]
  /** A second axis row, e.g. the year under a year's first month (null: nothing under that bar). */
  groups?: Array<string | null>
  /** Full names of the categories for the chart's description, when the axis labels are shortened. */
  descriptions?: string[]
  series: BarSeries[]
  width?: number
}): string {
  const { id, title, categories, series } = options
  const width = options.width ?? 640
  const height = 240
  const margin = { top: 36, right: 12, bottom: options.groups ? 40 : 28, left: 40 }
  const plotW = width - margin.left - margin.right
  const plotH = height - margin.top - margin.bottom
  const max = Math.max(1, ...series.flatMap((s) => s.values))
  const groupW = plotW / Math.max(1, categories.length)
  const barW = Math.max(2, Math.min(28, (groupW * 0.8) / Math.max(1, series.length)))
  const labelEvery = Math.ceil(categories.length / 12)
  const parts: string[] = []
  const desc = categories
    .map(
      (c, i) =>
        `${options.descriptions?.[i] ?? c}：${series.map((s) => `${s.name} ${s.values[i] ?? 0}`).join('，')}`,
    )
    .join('；')
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="100%">`,
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>`,
    patternDefs(id),
  )
  // Legend: a swatch with the same fill as the bars, and the series name.
  series.forEach((s, i) => {
    const x = margin.left + i * 130
    parts.push(
      `<rect x="${x}" y="8" width="14" height="14" fill="${fillOf(id, i)}" stroke="#000" stroke-width="0.6"/>`,
      `<text x="${x + 20}" y="20" font-size="12">${escapeHtml(s.name)}</text>`,
    )
  })
  // Axis and gridline at the maximum.
  const y0 = margin.top + plotH
  parts.push(
    `<line x1="${margin.left}" y1="${y0}" x2="${width - margin.right}" y2="${y0}" stroke="#000" stroke-width="1"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${width - margin.right}" y2="${margin.top}" stroke="#999" stroke-dasharray="3 3"/>`,
    `<text x="${margin.left - 4}" y="${margin.top + 4}" font-size="10" text-anchor="end">${max}</text>`,
    `<text x="${margin.left - 4}" y="${y0 + 4}" font-size="10" text-anchor="end">0</text>`,
  )
  categories.forEach((category, ci) => {
    const gx = margin.left + ci * groupW + (groupW - barW * series.length) / 2
    series.forEach((s, si) => {
      const value = s.values[ci] ?? 0
      const h = (value / max) * plotH
      const x = gx + si * barW
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(y0 - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${fillOf(id, si)}" stroke="#000" stroke-width="0.4"/>`,
      )
      if (value > 0 && barW >= 10) {
        parts.push(
          `<text x="${(x + barW / 2).toFixed(1)}" y="${(y0 - h - 3).toFixed(1)}" font-size="9" text-anchor="middle">${value}</text>`,
        )
      }
    })
    const cx = margin.left + ci * groupW + groupW / 2
    if (ci % labelEvery === 0) {
      parts.push(
        `<text x="${cx.toFixed(1)}" y="${y0 + 16}" font-size="10" text-anchor="middle">${escapeHtml(shorten(category, 8))}</text>`,
      )
    }
    const group = options.groups?.[ci]
    if (group) {
      // Left-aligned at its first bar, so the label reads as the start of that group ("2026年" from January on).
      parts.push(
        `<text x="${(margin.left + ci * groupW + 1).toFixed(1)}" y="${y0 + 32}" font-size="10" font-weight="700">${escapeHtml(group)}</text>`,
      )
    }
  })
  parts.push('</svg>')
  return parts.join('\n')
}

function shorten(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
