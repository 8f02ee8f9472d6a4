import { ApiError } from '../../../shared/api/errors'
import { localDay } from '../../../shared/domain/local-dates'

/**
 * The date of an inspection must be one it can have been made on: not after today (the inspector's local
 * calendar day, from the service clock), and for a re-inspection not before the inspection it is compared with.
 * The comparison (已整改, 仍不合格) and the proposals to verify a fix both take the re-inspection to be the later
 * one. Creation and 修改基本信息 refuse with the same words, on the date's field.
 */
export function refuseImpossibleInspectionDate(
  inspectedOn: string,
  context: { now: Date; previousInspectedOn: string | null },
): void {
  const today = localDay(context.now)
  const refuse = (message: string, onField: string): never => {
    throw new ApiError('VALIDATION', message, [{ path: 'inspectedOn', message: `检查日期：${onField}` }])
  }
  if (inspectedOn > today) refuse(`检查日期 ${inspectedOn} 晚于今天（${today}）`, `不能晚于今天（${today}）`)
  const previous = context.previousInspectedOn
  if (previous !== null && inspectedOn < previous) {
    refuse(
      `检查日期 ${inspectedOn} 早于上次检查（${previous}），复查的日期不能早于上次检查`,
      `复查不能早于上次检查（${previous}）`,
    )
  }
}
