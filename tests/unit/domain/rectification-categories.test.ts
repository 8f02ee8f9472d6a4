import { describe, expect, it } from 'vitest'
import { categories } from '../../../shared/catalog/index'
import {
  categoryLabel,
  isRectificationCategoryId,
  siteCategoryIdOf,
  webCategoryIdOf,
} from '../../../shared/domain/rectification-categories'

describe('rectification categories', () => {
  it('labels every catalog category with the catalog label', () => {
    for (const category of categories) expect(categoryLabel(category.id)).toBe(category.label)
  })

  it('labels the web and fallback ids in zh-CN and shows an unknown value as it is', () => {
    expect(categoryLabel('web')).toBe('网站无障碍')
    expect(categoryLabel('web-ageing')).toBe('网站适老化')
    expect(categoryLabel('site-other')).toBe('现场设施')
    expect(categoryLabel('无障碍厕所')).toBe('无障碍厕所')
  })

  it('files ageing-friendly rules and manual checks apart from general web accessibility', () => {
    expect(webCategoryIdOf('aa-ageing-font-size')).toBe('web-ageing')
    expect(webCategoryIdOf('web:portal:3:manual:ageing-voice')).toBe('web-ageing')
    expect(webCategoryIdOf('image-alt')).toBe('web')
    expect(webCategoryIdOf('web:portal:3:manual:keyboard-trap')).toBe('web')
  })

  it('takes the first catalog category id of a site finding, else site-other', () => {
    expect(siteCategoryIdOf(undefined, 'ramp')).toBe('ramp')
    expect(siteCategoryIdOf('toilet-room', 'ramp')).toBe('toilet-room')
    expect(siteCategoryIdOf('not-a-category', null)).toBe('site-other')
    expect(isRectificationCategoryId('web-ageing')).toBe(true)
    expect(isRectificationCategoryId('网站无障碍')).toBe(false)
  })
})
