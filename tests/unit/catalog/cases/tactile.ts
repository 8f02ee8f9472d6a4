import { c, cm, LOW, mm, type CaseTable } from './build'

export const tactileCases: CaseTable = {
  'tactile-directional.continuity': [
    c('continuous and free', { continuous: true, unoccupied: true }, 'pass'),
    c('interrupted', { continuous: false, unoccupied: true }, 'fail'),
    c('occupied', { continuous: true, unoccupied: false }, 'fail', { explanation: /占用/ }),
  ],
  'tactile-directional.contrast': [
    c('contrasting', { contrasting: true }, 'pass'),
    c('same as paving', { contrasting: false }, 'fail'),
  ],
  'tactile-directional.width': [
    c('250 mm', { width: mm(250) }, 'pass', { advisory: false }),
    c('500 mm', { width: mm(500) }, 'pass', { advisory: false }),
    c('249 mm: advisory only', { width: mm(249) }, 'pass', { advisory: true }),
    c('60 cm (JGJ 50 value): advisory only', { width: cm(60) }, 'pass', { advisory: true }),
  ],
  'tactile-directional.bar-height': [
    c('4 mm', { barHeight: mm(4) }, 'pass'),
    c('0.4 cm', { barHeight: cm(0.4) }, 'pass'),
    c('4.5 mm (tolerance edge)', { barHeight: mm(4.5) }, 'pass'),
    c('3.5 mm (tolerance edge)', { barHeight: mm(3.5) }, 'pass'),
    c('4.6 mm', { barHeight: mm(4.6) }, 'fail'),
    c('3.4 mm', { barHeight: mm(3.4) }, 'fail'),
    c('JGJ 50 era 5 mm', { barHeight: mm(5) }, 'fail', { reason: /未规定允许偏差，按 ±0\.5 mm 判定/ }),
    c('4.55 mm: within the depth gauge tolerance of the band', { barHeight: mm(4.55) }, 'needs-review', {
      reason: /±0\.1 mm/,
    }),
  ],
  'tactile-directional.bar-spacing': [
    c('62 mm', { barSpacing: mm(62) }, 'pass'),
    c('75 mm', { barSpacing: mm(75) }, 'pass'),
    c('61 mm', { barSpacing: mm(61) }, 'fail'),
    c('76 mm', { barSpacing: mm(76) }, 'fail'),
    c('75.5 mm: within the tape tolerance', { barSpacing: mm(75.5) }, 'needs-review'),
  ],
  'tactile-directional.kerb-offset': [
    c('flush, 500 mm', { kerbRelation: 'flush', kerbOffset: mm(500) }, 'pass'),
    c('flush, 499 mm', { kerbRelation: 'flush', kerbOffset: mm(499) }, 'fail'),
    c('lower, 250 mm', { kerbRelation: 'lower', kerbOffset: mm(250) }, 'pass'),
    c('lower, 249 mm', { kerbRelation: 'lower', kerbOffset: mm(249) }, 'fail'),
    c('relation blank, 249 mm: fails even next to a lower kerb', { kerbOffset: mm(249) }, 'fail', {
      explanation: /即使按要求最低的“低于路缘石上沿”判定也不符合/,
    }),
    c('relation blank, 400 mm: depends on it', { kerbOffset: mm(400) }, 'not-entered'),
  ],
  'tactile-directional.side-offset': [
    c('250 mm', { sideOffset: mm(250) }, 'pass', { advisory: false }),
    c('500 mm', { sideOffset: mm(500) }, 'pass', { advisory: false }),
    c('249 mm: advisory', { sideOffset: mm(249) }, 'pass', { advisory: true }),
    c('501 mm: advisory', { sideOffset: mm(501) }, 'pass', { advisory: true }),
  ],
  'tactile-warning.provision': [
    c('present, full width', { present: true, coversWidth: true }, 'pass'),
    c('missing', { present: false, coversWidth: true }, 'fail'),
    c('too short', { present: true, coversWidth: false }, 'fail'),
  ],
  'tactile-warning.contrast': [
    c('contrasting', { contrasting: true }, 'pass'),
    c('same as paving', { contrasting: false }, 'fail'),
  ],
  'tactile-warning.width': [
    c('directional 300, warning 301', { directionalWidth: mm(300), warningWidth: mm(301) }, 'pass'),
    c(
      'directional 300, warning 300: equal readings cannot show it is wider',
      { directionalWidth: mm(300), warningWidth: mm(300) },
      'needs-review',
    ),
    c(
      'directional 300, warning 298 (narrower)',
      { directionalWidth: mm(300), warningWidth: mm(298) },
      'fail',
    ),
    c(
      'directional 301: rule does not apply',
      { directionalWidth: mm(301), warningWidth: mm(250) },
      'not-applicable',
    ),
  ],
  'tactile-warning.dot-height': [
    c('4 mm', { dotHeight: mm(4) }, 'pass'),
    c('4.5 mm', { dotHeight: mm(4.5) }, 'pass'),
    c('4.6 mm', { dotHeight: mm(4.6) }, 'fail'),
    c('3.4 mm', { dotHeight: mm(3.4) }, 'fail'),
  ],
  'tactile-warning.dot-spacing': [
    c('50 mm', { dotSpacing: mm(50) }, 'pass'),
    c('50.5 mm (band edge)', { dotSpacing: mm(50.5) }, 'pass'),
    c('49.5 mm (band edge)', { dotSpacing: mm(49.5) }, 'pass'),
    c('50.55 mm: within the gauge tolerance', { dotSpacing: mm(50.55) }, 'needs-review'),
    c('55 mm', { dotSpacing: mm(55) }, 'fail', { explanation: /规定值为 50 mm/ }),
  ],
  'tactile-warning.stair-offset': [
    c('general stair 250 mm', { mainlyVisuallyImpaired: false, offset: mm(250) }, 'pass', {
      advisory: false,
    }),
    c('general stair 300 mm', { mainlyVisuallyImpaired: false, offset: mm(300) }, 'pass', {
      advisory: false,
    }),
    c('general stair 301 mm: advisory (宜)', { mainlyVisuallyImpaired: false, offset: mm(301) }, 'pass', {
      advisory: true,
    }),
    c(
      'stair for visually impaired, in range: low confidence',
      { mainlyVisuallyImpaired: true, offset: mm(275) },
      'needs-review',
      {
        reason: LOW,
      },
    ),
    c(
      'stair for visually impaired, out of range: low confidence',
      { mainlyVisuallyImpaired: true, offset: mm(200) },
      'needs-review',
      {
        reason: LOW,
      },
    ),
  ],
}
