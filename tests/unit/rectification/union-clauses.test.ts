import { describe, expect, it } from 'vitest'
import { unionClauses } from '../../../electron/core/rectification/item-content'
import { formatClause } from '../../../shared/domain/notice-document'

const source = (clauses: unknown[]) => ({ clausesJson: JSON.stringify(clauses) })

describe("an item's clauses: the deciding clauses of its findings", () => {
  it('keeps 款 and figure, citing one clause and 款 once', () => {
    const clauses = unionClauses([
      source([
        { code: 'GB 55019-2021', clause: '2.3.2', item: '1', mandatory: true, figure: '通行净宽 ≥ 1.20 m' },
      ]),
      // A re-inspection's finding of the same check: same clause, same figure.
      source([
        { code: 'GB 55019-2021', clause: '2.3.2', item: '1', mandatory: true, figure: '通行净宽 ≥ 1.20 m' },
      ]),
      // Another 款 of the same clause is another citation.
      source([{ code: 'GB 55019-2021', clause: '2.3.2', item: '2', mandatory: true, figure: '坡度 ≤ 1:12' }]),
    ])
    expect(clauses).toEqual([
      { code: 'GB 55019-2021', clause: '2.3.2', item: '1', figure: '通行净宽 ≥ 1.20 m', mandatory: true },
      { code: 'GB 55019-2021', clause: '2.3.2', item: '2', figure: '坡度 ≤ 1:12', mandatory: true },
    ])
  })

  it('joins the different figures one clause was judged against, each once', () => {
    const [clause] = unionClauses([
      source([
        { code: 'GB 50763-2012', clause: '3.9.3', item: '10', mandatory: false, figure: '高度 400–500 mm' },
      ]),
      source([
        {
          code: 'GB 50763-2012',
          clause: '3.9.3',
          item: '10',
          mandatory: false,
          figure: '设置救助呼叫按钮；高度 400–500 mm',
        },
      ]),
    ])
    expect(clause!.figure).toBe('高度 400–500 mm；设置救助呼叫按钮')
    expect(clause!.mandatory).toBe(false)
  })

  it('reads findings written before catalog 2.0 (no 款, no figure) and drops blank ones', () => {
    expect(
      unionClauses([
        source([{ code: 'GB 50763-2012', clause: '3.5.3', mandatory: false }]),
        source([{ code: 'GB 50763-2012', clause: '3.5.3', item: ' ', figure: '', mandatory: false }]),
        { clausesJson: 'not json' },
      ]),
    ).toEqual([{ code: 'GB 50763-2012', clause: '3.5.3', mandatory: false }])
  })

  it('prints the figure only where asked (the item page), never in the notice citation', () => {
    const clause = {
      code: 'GB 55019-2021',
      clause: '2.5.4',
      item: '1',
      figure: '门通行净宽 ≥ 800 mm',
      mandatory: true,
    }
    expect(formatClause(clause, { names: true })).toBe('GB 55019-2021 第2.5.4条第1款（强制性条文）')
    expect(formatClause(clause, { figure: true })).toBe(
      'GB 55019-2021 第2.5.4条第1款（强制性条文）：门通行净宽 ≥ 800 mm',
    )
    expect(formatClause({ ...clause, figure: undefined }, { figure: true })).toBe(
      'GB 55019-2021 第2.5.4条第1款（强制性条文）',
    )
  })
})
