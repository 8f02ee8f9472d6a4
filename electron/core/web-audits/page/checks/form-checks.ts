/// <reference lib="dom" />
import { evaluateIn } from '../page-call'
import type { PageHelpers } from '../page-helpers'
import { flagsToOutcomes, MARKS_PROPERTY, type Flag } from './marked-nodes'
import type { CheckContext, OwnOutcome } from './own-check'

/**
 * The form rules: aa-placeholder-label (a placeholder as the only label, WCAG 3.3.2), aa-fieldset-legend and
 * aa-choice-group (groups of controls without a stated question, 1.3.1). Facts in the page, decisions here.
 */

export interface FieldFacts {
  i: number
  placeholder: string
  /** Visible text of an associated label (for=, wrapping, aria-labelledby); '' when none. */
  label: string
  /** Visible text right before the field (previous siblings, or the previous cell of its table row). */
  nearText: string
  /** Name of a submit / search button right after the field (WCAG G167), '' when none. */
  nextButton: string
}

export interface FieldsetFacts {
  i: number
  /** null when there is no legend. */
  legend: string | null
  ariaName: string
}

export interface ChoiceGroupFacts {
  /** Index of the group's first control. */
  i: number
  type: 'radio' | 'checkbox'
  name: string
  count: number
  /** How many of its controls sit in a named fieldset / radiogroup / group. */
  grouped: number
}

export interface FormFacts {
  fields: FieldFacts[]
  fieldsets: FieldsetFacts[]
  groups: ChoiceGroupFacts[]
}

const MARK_KEY = 'forms'

export function gatherForms(_h: PageHelpers, prop: string, key: string): FormFacts {
  const w = window as unknown as Record<string, Record<string, Element[]> | undefined>
  if (!w[prop]) Object.defineProperty(w, prop, { value: {}, enumerable: false })
  const marked: Element[] = []
  ;(w[prop] as Record<string, Element[]>)[key] = marked
  const squash = (t: string | null | undefined): string => (t ?? '').replace(/\s+/g, ' ').trim()
  const shown = (el: Element): boolean =>
    typeof (el as HTMLElement).checkVisibility === 'function'
      ? (el as HTMLElement).checkVisibility({ visibilityProperty: true })
      : el.getClientRects().length > 0
  const visibleText = (el: Element | null): string => (el ? squash((el as HTMLElement).innerText) : '')
  const mark = (el: Element): number => marked.push(el) - 1
  const fields: FieldFacts[] = []
  const textTypes = /^(text|search|email|tel|url|password|number|date|month|week|time|datetime-local)$/
  for (const el of Array.from(document.querySelectorAll('input, textarea')).slice(0, 500)) {
    const input = el as HTMLInputElement
    if (el.localName === 'input' && !textTypes.test(input.type)) continue
    const placeholder = squash(el.getAttribute('placeholder'))
    if (!placeholder || input.disabled || !shown(el) || el.closest('[aria-hidden="true"]')) continue
    const labels = Array.from(input.labels ?? []).map(visibleText)
    const labelledBy = squash(
      (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => visibleText(id ? document.getElementById(id) : null))
        .join(' '),
    )
    // Text just before the field: previous siblings (up to two levels), or the previous cell of its row.
    let nearText = ''
    let node: Element | null = el
    for (let depth = 0; node && !nearText && depth < 2; depth++, node = node.parentElement) {
      for (let sib = node.previousSibling; sib && !nearText; sib = sib.previousSibling) {
        if (sib.nodeType === Node.TEXT_NODE) nearText = squash(sib.textContent)
        else if (sib.nodeType === Node.ELEMENT_NODE && shown(sib as Element))
          nearText = (sib as Element).matches('input, select, textarea, button')
            ? ''
            : visibleText(sib as Element)
        if (sib.nodeType === Node.ELEMENT_NODE && (sib as Element).matches('input, select, textarea')) break
      }
    }
    const cell = el.closest('td')
    if (!nearText && cell?.previousElementSibling) nearText = visibleText(cell.previousElementSibling)
    let next: Element | null = el.nextElementSibling
    if (!next && el.parentElement) next = el.parentElement.nextElementSibling
    const nextButton =
      next &&
      shown(next) &&
      next.matches('button, input[type=submit], input[type=button], input[type=image], a[href]')
        ? squash(
            next.getAttribute('aria-label') ||
              (next as HTMLInputElement).value ||
              next.getAttribute('alt') ||
              visibleText(next) ||
              next.getAttribute('title'),
          )
        : ''
    fields.push({
      i: mark(el),
      placeholder,
      label: squash(`${labels.join(' ')} ${labelledBy}`),
      nearText,
      nextButton,
    })
  }
  const nameOf = (el: Element): string =>
    squash(el.getAttribute('aria-label')) ||
    squash(
      (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' '),
    )
  const fieldsets: FieldsetFacts[] = []
  for (const fs of Array.from(document.querySelectorAll('fieldset')).slice(0, 200)) {
    if (!shown(fs) || fs.closest('[aria-hidden="true"]')) continue
    const legend = Array.from(fs.children).find((c) => c.localName === 'legend')
    fieldsets.push({
      i: mark(fs),
      legend: legend ? squash(legend.textContent) : null,
      ariaName: nameOf(fs),
    })
  }
  const groups = new Map<string, { type: 'radio' | 'checkbox'; name: string; els: Element[] }>()
  for (const el of Array.from(document.querySelectorAll('input[type=radio], input[type=checkbox]')).slice(
    0,
    1000,
  )) {
    const input = el as HTMLInputElement
    if (!input.name || !shown(el) || el.closest('[aria-hidden="true"]')) continue
    const formId = input.form ? String(Array.from(document.forms).indexOf(input.form)) : 'none'
    const k = `${input.type}|${formId}|${input.name}`
    const group = groups.get(k) ?? { type: input.type as 'radio' | 'checkbox', name: input.name, els: [] }
    group.els.push(el)
    groups.set(k, group)
  }
  const isNamedGroup = (el: Element): boolean => {
    const fs = el.closest('fieldset')
    if (fs) {
      const legend = Array.from(fs.children).find((c) => c.localName === 'legend')
      if ((legend && squash(legend.textContent)) || nameOf(fs)) return true
    }
    const group = el.closest('[role=radiogroup], [role=group]')
    return !!group && nameOf(group) !== ''
  }
  const choiceGroups: ChoiceGroupFacts[] = []
  for (const g of groups.values()) {
    if (g.els.length < 2) continue
    choiceGroups.push({
      i: mark(g.els[0] as Element),
      type: g.type,
      name: g.name,
      count: g.els.length,
      grouped: g.els.filter(isNamedGroup).length,
    })
  }
  return { fields, fieldsets, groups: choiceGroups }
}

/** A placeholder is the field's only label: no label, no text before it, no button naming it (G167). */
export function placeholderOnly(f: FieldFacts): boolean {
  return !f.label && !/[\p{L}\p{N}]/u.test(f.nearText) && !/[\p{L}\p{N}]/u.test(f.nextButton)
}

export function formFlags(facts: FormFacts): { fail: Flag[]; review: Flag[] } {
  const fail: Flag[] = []
  const review: Flag[] = []
  for (const f of facts.fields)
    if (placeholderOnly(f))
      fail.push({
        ruleId: 'aa-placeholder-label',
        i: f.i,
        summary: `输入框只有占位文字“${f.placeholder.slice(0, 30)}”，没有始终可见的标签`,
      })
  for (const fs of facts.fieldsets) {
    if (fs.ariaName) continue
    if (fs.legend === '')
      fail.push({ ruleId: 'aa-fieldset-legend', i: fs.i, summary: 'fieldset 的 legend 没有文字' })
    else if (fs.legend === null)
      review.push({ ruleId: 'aa-fieldset-legend', i: fs.i, summary: 'fieldset 没有 legend' })
  }
  for (const g of facts.groups)
    if (g.grouped < g.count)
      fail.push({
        ruleId: 'aa-choice-group',
        i: g.i,
        summary: `${g.count} 个${g.type === 'radio' ? '单选框' : '复选框'}（name="${g.name.slice(0, 30)}"）没有编组并说明所属问题`,
      })
  return { fail, review }
}

export async function checkForms(ctx: CheckContext): Promise<OwnOutcome[]> {
  const facts = await evaluateIn(ctx.frame, ctx.timeoutMs, gatherForms, MARKS_PROPERTY, MARK_KEY)
  const { fail, review } = formFlags(facts)
  return [
    ...(await flagsToOutcomes(ctx, MARK_KEY, fail)),
    ...(await flagsToOutcomes(ctx, MARK_KEY, review, new Set(['aa-fieldset-legend']), {
      'aa-fieldset-legend':
        'fieldset 没有 legend：若这组控件回答同一个问题或属于同一类信息，请补写 legend；只作视觉分组时可忽略。',
    })),
  ]
}
