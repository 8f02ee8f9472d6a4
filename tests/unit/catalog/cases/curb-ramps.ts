import { c, cm, mm, pct, ratio, type CaseTable } from './build'

export const curbRampCases: CaseTable = {
  'curb-ramp.provision': [
    c('no level change', { levelChange: false }, 'not-applicable'),
    c('provided', { levelChange: true, provided: true }, 'pass'),
    c('missing', { levelChange: true, provided: false }, 'fail'),
  ],
  'curb-ramp.lip': [
    c('flush', { lip: mm(0) }, 'pass'),
    c('1 mm', { lip: mm(1) }, 'fail', { reason: /2\.10\.2/ }),
    c('0.5 mm: within the tape tolerance of 0', { lip: mm(0.5) }, 'needs-review'),
    c('legacy 10 mm no longer allowed', { lip: cm(1) }, 'fail', { reason: /取代/ }),
    c('11 mm', { lip: mm(11) }, 'fail'),
  ],
  'curb-ramp.slope': [
    c('full-width exactly 1:20', { type: 'full-width', gradient: ratio(20) }, 'pass'),
    c('full-width 5 %', { type: 'full-width', gradient: pct(5) }, 'pass'),
    c('full-width 5.01 %: within ±0.1 %', { type: 'full-width', gradient: pct(5.01) }, 'needs-review'),
    c('full-width 5.2 %', { type: 'full-width', gradient: pct(5.2) }, 'fail'),
    c('full-width 1:12 too steep', { type: 'full-width', rise: mm(150), run: mm(1800) }, 'fail'),
    c('other type exactly 1:12', { type: 'other', rise: mm(150), run: mm(1800) }, 'pass'),
    c('other type 8.34 %: within ±0.1 %', { type: 'other', gradient: pct(8.34) }, 'needs-review'),
    c('other type 8.5 %', { type: 'other', gradient: pct(8.5) }, 'fail'),
    c('10 % with the type blank: fails for every type', { gradient: pct(10) }, 'fail', {
      explanation: /即使按要求最低的“其他形式”判定也不符合/,
    }),
    c('6 % with the type blank: depends on it', { gradient: pct(6) }, 'not-entered'),
    c(
      'three-sided at 1:12 front and side',
      { type: 'three-sided', gradient: ratio(12), sideGradient: ratio(12) },
      'pass',
    ),
    c(
      'three-sided side too steep',
      { type: 'three-sided', gradient: ratio(12), sideGradient: ratio(11) },
      'fail',
    ),
    c('three-sided side not measured', { type: 'three-sided', gradient: ratio(13) }, 'not-entered', {
      explanation: /侧面坡度/,
    }),
  ],
  'curb-ramp.width': [
    c('three-sided exactly 1.20 m', { type: 'three-sided', width: mm(1200) }, 'pass'),
    c('three-sided just narrower', { type: 'three-sided', width: mm(1199) }, 'fail'),
    c('other exactly 1.50 m', { type: 'other', width: mm(1500) }, 'pass'),
    c('other just narrower', { type: 'other', width: mm(1499) }, 'fail'),
    c(
      'full-width as wide as the sidewalk',
      { type: 'full-width', width: mm(3000), sidewalkWidth: mm(3000) },
      'pass',
    ),
    c(
      'full-width narrower than the sidewalk',
      { type: 'full-width', width: mm(2998), sidewalkWidth: mm(3000) },
      'fail',
    ),
    c('full-width, sidewalk not measured', { type: 'full-width', width: mm(3000) }, 'not-entered'),
  ],
  'curb-ramp.top-landing': [
    c('exactly 900 mm', { landingDepth: mm(900) }, 'pass'),
    c('90 cm', { landingDepth: cm(90) }, 'pass'),
    c('just outside', { landingDepth: mm(899) }, 'fail'),
    c('within the tape tolerance', { landingDepth: mm(899.5) }, 'needs-review'),
    c('just inside', { landingDepth: mm(901) }, 'pass'),
  ],
  'curb-ramp.warning-strip': [
    c('missing', { present: false }, 'fail'),
    c('250 mm', { present: true, offset: mm(250) }, 'pass'),
    c('300 mm', { present: true, offset: mm(300) }, 'pass'),
    c('249 mm', { present: true, offset: mm(249) }, 'fail'),
    c('301 mm', { present: true, offset: mm(301) }, 'fail'),
    c('offset not measured', { present: true }, 'not-entered'),
  ],
  'curb-ramp.grating': [
    c('no grating', { hasGrating: false }, 'pass'),
    c('grating at the foot', { hasGrating: true }, 'fail'),
  ],
  'curb-ramp.bollard-spacing': [
    c('no bollards', { hasBollards: false }, 'not-applicable'),
    c('exactly 900 mm', { hasBollards: true, spacing: mm(900) }, 'pass'),
    c('just outside', { hasBollards: true, spacing: mm(899) }, 'fail'),
    c('a spacing typed means there are bollards', { spacing: mm(800) }, 'fail'),
  ],
}
