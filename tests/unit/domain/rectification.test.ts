import { describe, expect, it } from 'vitest'
import {
  awaitingFixStatuses,
  daysBetween,
  formatNoticeNumber,
  isOverdue,
  itemClaimSchema,
  itemStatuses,
  median,
  nextStatus,
  noticeDraftSchema,
  settingsUpdateSchema,
  terminalStatuses,
  transitionRefusal,
  type ItemAction,
  type ItemStatus,
} from '../../../shared/domain/rectification'
import { formatChineseDate, formatClause } from '../../../shared/domain/notice-document'

const actions: ItemAction[] = ['notify', 'claim', 'verify', 'reopen', 'drop', 'merge']

/** The whole transition table, written out: every (status, action) pair not listed here must be refused. */
const allowed: Record<string, ItemStatus> = {
  'open|notify': 'notified',
  'reopened|notify': 'notified',
  'notified|claim': 'claimed',
  'reopened|claim': 'claimed',
  'notified|verify': 'verified',
  'claimed|verify': 'verified',
  'reopened|verify': 'verified',
  'claimed|reopen': 'reopened',
  'open|drop': 'dropped',
  'notified|drop': 'dropped',
  'claimed|drop': 'dropped',
  'reopened|drop': 'dropped',
  'open|merge': 'merged',
  'notified|merge': 'merged',
  'reopened|merge': 'merged',
}

describe('item transitions', () => {
  it('allows exactly the table and refuses every other pair', () => {
    for (const status of itemStatuses) {
      for (const action of actions) {
        expect(nextStatus(status, action), `${status} + ${action}`).toBe(
          allowed[`${status}|${action}`] ?? null,
        )
      }
    }
  })

  it('never leaves a terminal status', () => {
    for (const status of terminalStatuses) {
      for (const action of actions) expect(nextStatus(status, action)).toBeNull()
    }
  })

  it('refuses in zh-CN naming the status and the action', () => {
    expect(transitionRefusal('verified', 'reopen')).toBe('整改项当前状态为“已核验”，不能退回重新整改')
    expect(transitionRefusal('open', 'claim')).toBe('整改项当前状态为“待通知”，不能登记整改回复')
  })
})

describe('overdue', () => {
  it('is overdue only after the deadline day, and only while the fix is owed', () => {
    expect(isOverdue('notified', '2026-12-01', '2026-12-01')).toBe(false)
    expect(isOverdue('notified', '2026-12-01', '2026-12-02')).toBe(true)
    expect(isOverdue('notified', null, '2027-01-01')).toBe(false)
    for (const status of itemStatuses) {
      expect(isOverdue(status, '2026-12-01', '2026-12-02'), status).toBe(awaitingFixStatuses.includes(status))
    }
    expect(isOverdue('claimed', '2026-12-01', '2026-12-02')).toBe(false)
  })
})

describe('numbers and dates', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 10])).toBe(3.5)
  })

  it('days between days and timestamps', () => {
    expect(daysBetween('2026-11-28', '2026-12-28')).toBe(30)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-11-28T00:00:00Z', '2026-11-30T00:00:00Z')).toBe(2)
  })

  it('formats the notice number from the template', () => {
    expect(formatNoticeNumber('乌残无障碍整改〔{year}〕第{n}号', 2026, 3)).toBe('乌残无障碍整改〔2026〕第3号')
    expect(formatNoticeNumber('第{n}号（{year}）{n}', 2027, 12)).toBe('第12号（2027）12')
  })

  it('formats dates the official way, without leading zeros', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日')
    expect(formatChineseDate('2026-11-28T10:00:00Z')).toBe('2026年11月28日')
  })

  it('formats clauses of each code family', () => {
    expect(formatClause({ code: 'GB 55019-2021', clause: '2.3.1', mandatory: true })).toBe(
      'GB 55019-2021 第2.3.1条（强制性条文）',
    )
    expect(formatClause({ code: 'GB 50763-2012', clause: '3.4.4', mandatory: false })).toBe(
      'GB 50763-2012 第3.4.4条',
    )
    expect(formatClause({ code: 'GB/T 37668-2019', clause: '8.2.3.1', mandatory: false })).toBe(
      'GB/T 37668-2019 第8.2.3.1条',
    )
    expect(formatClause({ code: 'WCAG 2.2', clause: '1.4.3', mandatory: false })).toBe(
      'WCAG 2.2 成功准则 1.4.3',
    )
    expect(
      formatClause({ code: '《互联网网站适老化通用设计规范》', clause: '2.6.1', mandatory: false }),
    ).toBe('《互联网网站适老化通用设计规范》2.6.1')
    // 款, and a clause range, as the finding carries them.
    expect(formatClause({ code: 'GB 55019-2021', clause: '3.1.4', item: '2', mandatory: true })).toBe(
      'GB 55019-2021 第3.1.4条第2款（强制性条文）',
    )
    expect(formatClause({ code: 'GB 55019-2021', clause: '3.1.2–3.1.5', mandatory: false })).toBe(
      'GB 55019-2021 第3.1.2～3.1.5条',
    )
    // Named for the notice; 4.1.1 (removed in WCAG 2.2) is cited from WCAG 2.1.
    expect(formatClause({ code: 'WCAG 2.2', clause: '1.4.3', mandatory: false }, { names: true })).toBe(
      'WCAG 2.2 成功准则 1.4.3“对比度（最低）”',
    )
    expect(formatClause({ code: 'WCAG 2.2', clause: '4.1.1', mandatory: false })).toBe(
      'WCAG 2.1 成功准则 4.1.1',
    )
  })
})

describe('input schemas', () => {
  const draft = { unitId: 1, itemIds: [1], issuedOn: '2026-11-28', deadline: '2026-12-28' }

  it('refuses a deadline before the notice date, an empty notice and impossible dates', () => {
    expect(noticeDraftSchema.safeParse(draft).success).toBe(true)
    expect(noticeDraftSchema.safeParse({ ...draft, deadline: '2026-11-28' }).success).toBe(true)
    const early = noticeDraftSchema.safeParse({ ...draft, deadline: '2026-11-27' })
    expect(early.success).toBe(false)
    expect(early.error?.issues[0]?.message).toBe('整改期限不能早于通知日期')
    expect(noticeDraftSchema.safeParse({ ...draft, itemIds: [] }).error?.issues[0]?.message).toBe(
      '整改通知书至少要包含一个整改项',
    )
    expect(noticeDraftSchema.safeParse({ ...draft, issuedOn: '2026-02-30' }).success).toBe(false)
  })

  it('requires {n} in the number template, without 第 (GB/T 9704)', () => {
    const settings = {
      issuer: '促进队',
      numberTemplate: '〔{year}〕{n}号',
      defaultDeadlineDays: 30,
      replyInstructions: '请回复',
      contact: null,
    }
    expect(settingsUpdateSchema.safeParse(settings).success).toBe(true)
    expect(settingsUpdateSchema.safeParse({ ...settings, numberTemplate: '〔{year}〕号' }).success).toBe(
      false,
    )
    expect(settingsUpdateSchema.safeParse({ ...settings, defaultDeadlineDays: 0 }).success).toBe(false)
    expect(settingsUpdateSchema.safeParse({ ...settings, numberTemplate: '〔{year}〕第{n}号' }).success).toBe(
      false,
    )
  })

  it('accepts reply photos only as content hashes', () => {
    const claim = { id: 1, version: 1, text: '已整改', repliedOn: '2026-12-01' }
    expect(itemClaimSchema.parse(claim).photos).toEqual([])
    expect(itemClaimSchema.safeParse({ ...claim, photos: ['../../etc/passwd'] }).success).toBe(false)
  })
})
