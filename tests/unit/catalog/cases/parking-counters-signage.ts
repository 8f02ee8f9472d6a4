import { c, count, LOW, m, mm, pct, ratio, type CaseTable } from './build'

const n = count

export const parkingCounterSignageCases: CaseTable = {
  'parking.count': [
    c('100 spaces, 1 accessible', { total: n(100), accessible: n(1), setting: 'general' }, 'pass'),
    c('100 spaces, none', { total: n(100), accessible: n(0), setting: 'general' }, 'fail'),
    c('101 spaces, 2 accessible', { total: n(101), accessible: n(2), setting: 'general' }, 'pass'),
    c('101 spaces, 1 accessible', { total: n(101), accessible: n(1), setting: 'general' }, 'fail'),
    c('700 spaces, 6 accessible', { total: n(700), accessible: n(6), setting: 'general' }, 'fail', {
      explanation: /7 个/,
    }),
    c('square, 50 spaces, 1', { total: n(50), accessible: n(1), setting: 'square-park' }, 'fail'),
    c('square, 50 spaces, 2', { total: n(50), accessible: n(2), setting: 'square-park' }, 'pass'),
    c(
      'public car park class II, 60 spaces, 2',
      { total: n(60), accessible: n(2), setting: 'public-car-park', carParkClass: 'II' },
      'pass',
    ),
    c(
      'public car park class II, 60 spaces, 1',
      { total: n(60), accessible: n(1), setting: 'public-car-park', carParkClass: 'II' },
      'fail',
    ),
    c(
      'public car park, class unknown',
      { total: n(60), accessible: n(1), setting: 'public-car-park' },
      'not-entered',
    ),
    c('residential 300, 3 accessible', { total: n(300), accessible: n(3), setting: 'residential' }, 'pass'),
    c(
      'residential 300, 2 accessible: codes conflict',
      { total: n(300), accessible: n(2), setting: 'residential' },
      'needs-review',
      {
        reason: LOW,
      },
    ),
    c('residential 300, 1 accessible', { total: n(300), accessible: n(1), setting: 'residential' }, 'fail'),
    c(
      'public car park, class unknown, none: fails for every class',
      { total: n(60), accessible: n(0), setting: 'public-car-park' },
      'fail',
    ),
    c(
      'kind of place blank: each kind has its own clause',
      { total: n(200), accessible: n(0) },
      'not-entered',
    ),
    c('none, total blank: too few for any car park', { accessible: n(0), setting: 'general' }, 'fail', {
      explanation: /无论停车位总数多少，至少应设 1 个/,
    }),
    c('one, total blank: depends on the total', { accessible: n(1), setting: 'general' }, 'not-entered'),
  ],
  'parking.aisle': [
    c('1.20 m, level', { aisleWidth: m(1.2), aisleLevel: true }, 'pass'),
    c('1199 mm', { aisleWidth: mm(1199), aisleLevel: true }, 'fail'),
    c('not level', { aisleWidth: mm(1500), aisleLevel: false }, 'fail'),
    c('0.80 m, level blank: fails anyway', { aisleWidth: m(0.8) }, 'fail'),
  ],
  'parking.slope': [
    c('2 %', { slope: pct(2) }, 'pass'),
    c('1:50', { slope: ratio(50) }, 'pass'),
    c('2.01 %: within ±0.1 %', { slope: pct(2.01) }, 'needs-review'),
    c('2.2 %', { slope: pct(2.2) }, 'fail'),
  ],
  'parking.markings': [
    c('complete', { groundMarkings: true, signs: true }, 'pass'),
    c('no ground markings', { groundMarkings: false, signs: true }, 'fail'),
    c('no signs', { groundMarkings: true, signs: false }, 'fail'),
  ],
  'parking.drop-off': [
    c('none', { hasDropOff: false }, 'not-applicable'),
    c('7.00 × 2.40 m', { hasDropOff: true, length: m(7), width: m(2.4) }, 'pass'),
    c('6999 × 2400', { hasDropOff: true, length: mm(6999), width: mm(2400) }, 'fail'),
    c('7000 × 2399', { hasDropOff: true, length: mm(7000), width: mm(2399) }, 'fail'),
    c('one side 2.0 m, the other blank: fails anyway', { hasDropOff: true, width: m(2) }, 'fail'),
    c(
      '6999.5 × 2400: within the tape tolerance',
      { hasDropOff: true, length: mm(6999.5), width: mm(2400) },
      'needs-review',
    ),
  ],
  'counter.provision': [
    c('low section', { hasLowSection: true }, 'pass'),
    c('none', { hasLowSection: false }, 'fail'),
  ],
  'counter.self-service': [
    c('no machines', { hasMachines: false }, 'not-applicable'),
    c('low unit of each type', { hasMachines: true, lowUnitEachType: true }, 'pass'),
    c('some type without low unit', { hasMachines: true, lowUnitEachType: false }, 'fail'),
  ],
  'counter.height': [
    c('700 mm', { topHeight: mm(700) }, 'pass'),
    c('850 mm', { topHeight: mm(850) }, 'pass'),
    c('699 mm', { topHeight: mm(699) }, 'fail'),
    c('851 mm', { topHeight: mm(851) }, 'fail'),
    c('850.5 mm: within the tape tolerance', { topHeight: mm(850.5) }, 'needs-review'),
  ],
  'counter.knee-space': [
    c('750 × 650, depth not measured', { kneeWidth: mm(750), kneeHeight: mm(650) }, 'pass'),
    c('width 749', { kneeWidth: mm(749), kneeHeight: mm(650) }, 'fail'),
    c('height 649', { kneeWidth: mm(750), kneeHeight: mm(649) }, 'fail'),
    c('depth 450', { kneeWidth: mm(750), kneeHeight: mm(650), kneeDepth: mm(450) }, 'pass'),
    c(
      'depth 449: low-confidence figure',
      { kneeWidth: mm(750), kneeHeight: mm(650), kneeDepth: mm(449) },
      'needs-review',
      {
        reason: LOW,
        advisory: true,
      },
    ),
  ],
  'counter.turning-space': [
    c('1.50 m', { turningDiameter: m(1.5) }, 'pass'),
    c('1499 mm', { turningDiameter: mm(1499) }, 'fail'),
  ],
  'counter.wall-phone': [
    c('no phone', { hasWallPhone: false }, 'not-applicable'),
    c('900 mm', { hasWallPhone: true, phoneHeight: mm(900) }, 'pass'),
    c('901 mm', { hasWallPhone: true, phoneHeight: mm(901) }, 'fail'),
    c('a height typed means there is a phone', { phoneHeight: mm(1000) }, 'fail'),
  ],
  'signage.presence': [
    c('sign present', { hasSymbol: true }, 'pass'),
    c('no sign', { hasSymbol: false }, 'fail'),
  ],
  'signage.wayfinding': [
    c('continuous', { continuous: true }, 'pass'),
    c('broken', { continuous: false }, 'fail'),
  ],
  'signage.visibility': [
    c('visible and unobstructed', { visibleSeated: true, unobstructed: true }, 'pass'),
    c('not visible when seated', { visibleSeated: false, unobstructed: true }, 'fail'),
    c('obstructed', { visibleSeated: true, unobstructed: false }, 'fail'),
  ],
  'signage.braille': [
    c('both', { callButtons: true, carButtons: true }, 'pass'),
    c('call buttons without braille', { callButtons: false, carButtons: true }, 'fail'),
    c('car buttons without braille', { callButtons: true, carButtons: false }, 'fail'),
  ],
}
