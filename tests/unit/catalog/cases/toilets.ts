import { c, cm, LOW, m, mm, type CaseTable } from './build'

export const toiletCases: CaseTable = {
  'toilet-stall.size': [
    c('1.80 × 1.00: meets GB 50763, GB 55019 unverified', { length: m(1.8), width: m(1) }, 'needs-review', {
      reason: LOW,
    }),
    c('orientation does not matter', { length: mm(1000), width: mm(1800) }, 'needs-review'),
    c('1799 × 1000', { length: mm(1799), width: mm(1000) }, 'fail'),
    c('1800 × 999', { length: mm(1800), width: mm(999) }, 'fail'),
    c('1.80 × 1.50: advisory 2.00 × 1.50', { length: mm(1800), width: mm(1500) }, 'pass', { advisory: true }),
    c('2.00 × 1.50', { length: mm(2000), width: mm(1500) }, 'pass', { advisory: false }),
  ],
  'toilet-stall.door': [
    c('900 mm, new, opens outward', { width: mm(900), project: 'new', opensInward: false }, 'pass'),
    c('899 mm, new', { width: mm(899), project: 'new', opensInward: false }, 'fail'),
    c(
      'opens inward, turning space kept',
      { width: mm(900), project: 'new', opensInward: true, turningKept: true },
      'pass',
    ),
    c(
      'opens inward, turning space lost',
      { width: mm(900), project: 'new', opensInward: true, turningKept: false },
      'fail',
    ),
    c(
      'opens inward, turning space not recorded',
      { width: mm(900), project: 'new', opensInward: true },
      'not-entered',
    ),
  ],
  'toilet-stall.grab-bars': [
    c('both sides, 700 mm', { bothSides: true, horizontalLength: mm(700) }, 'pass'),
    c('699 mm', { bothSides: true, horizontalLength: mm(699) }, 'fail'),
    c('one side', { bothSides: false, horizontalLength: mm(800) }, 'fail'),
  ],
  'toilet-stall.grab-bar-height': [
    c('700 mm: GB 55019 3.1.8 unverified', { barHeight: mm(700) }, 'needs-review', { reason: LOW }),
    c('with seat height', { barHeight: mm(700), seatHeight: mm(450) }, 'needs-review', {
      explanation: /250 mm/,
    }),
  ],
  'toilet-room.area': [
    c('2.00 × 2.00 = 4.00 m²', { length: m(2), width: m(2) }, 'pass'),
    c('just under 4 m², new build', { length: mm(1999), width: mm(2000), project: 'new' }, 'fail'),
    c(
      'just under 4 m², alteration: low confidence',
      { length: mm(1999), width: mm(2000), project: 'existing' },
      'needs-review',
      {
        reason: LOW,
      },
    ),
    c('just under 4 m², project unknown', { length: mm(1999), width: mm(2000) }, 'not-entered', {
      explanation: /工程类型/,
    }),
    c('under 2 m²', { length: mm(1000), width: mm(1999), project: 'existing' }, 'fail'),
  ],
  'toilet-room.turning-space': [
    c('1.50 m', { turningDiameter: m(1.5) }, 'pass'),
    c('1499 mm', { turningDiameter: mm(1499) }, 'fail'),
  ],
  'toilet-room.door-width': [
    c('new 900 mm', { width: mm(900), project: 'new' }, 'pass'),
    c('new 899 mm', { width: mm(899), project: 'new' }, 'fail'),
    c('alteration 800 mm', { width: cm(80), project: 'existing' }, 'pass'),
  ],
  'toilet-room.emergency-unlock': [
    c('opens from outside', { unlockFromOutside: true }, 'pass'),
    c('cannot open from outside', { unlockFromOutside: false }, 'fail'),
  ],
  'toilet-room.call-button': [
    c('missing', { present: false }, 'fail'),
    c('400 mm', { present: true, height: mm(400) }, 'pass'),
    c('500 mm', { present: true, height: mm(500) }, 'pass'),
    c('399 mm', { present: true, height: mm(399) }, 'fail'),
    c('501 mm', { present: true, height: mm(501) }, 'fail'),
    c('height not measured', { present: true }, 'not-entered'),
  ],
  'toilet-room.coat-hook': [
    c('1.20 m', { height: m(1.2) }, 'pass'),
    c('1201 mm', { height: mm(1201) }, 'fail'),
  ],
  'toilet-room.controls-height': [
    c('0.85 m', { height: m(0.85) }, 'pass'),
    c('849 mm', { height: mm(849) }, 'fail'),
    c('1.10 m', { height: mm(1100) }, 'pass'),
    c('1101 mm: upper bound unverified', { height: mm(1101) }, 'needs-review', { reason: LOW }),
  ],
  'toilet-fixture.urinal-rim': [
    c('400 mm', { rimHeight: mm(400) }, 'pass'),
    c('401 mm', { rimHeight: mm(401) }, 'fail'),
    c('JGJ 50 era 0.50 m', { rimHeight: m(0.5) }, 'fail'),
  ],
  'toilet-fixture.washbasin-knee-space': [
    c('750 × 650 × 450', { kneeWidth: mm(750), kneeHeight: mm(650), kneeDepth: mm(450) }, 'pass'),
    c('width 749', { kneeWidth: mm(749), kneeHeight: mm(650), kneeDepth: mm(450) }, 'fail'),
    c('height 649', { kneeWidth: mm(750), kneeHeight: mm(649), kneeDepth: mm(450) }, 'fail'),
    c('depth 449', { kneeWidth: mm(750), kneeHeight: mm(650), kneeDepth: mm(449) }, 'fail'),
  ],
  'toilet-fixture.washbasin-tap': [
    c('551 mm', { tapOffset: mm(551) }, 'pass'),
    c('exactly 550 mm (must be greater)', { tapOffset: mm(550) }, 'fail'),
  ],
  'toilet-fixture.washbasin-rim': [
    c('800 mm: figure unverified', { rimHeight: mm(800) }, 'needs-review', { reason: LOW }),
    c('801 mm: figure unverified', { rimHeight: mm(801) }, 'needs-review', { reason: LOW }),
  ],
  'toilet-fixture.grab-bar-section': [
    c('30 mm, 40 mm clear', { diameter: mm(30), wallClearance: mm(40) }, 'pass'),
    c('40 mm', { diameter: mm(40), wallClearance: mm(50) }, 'pass'),
    c('29 mm', { diameter: mm(29), wallClearance: mm(40) }, 'fail'),
    c('41 mm', { diameter: mm(41), wallClearance: mm(40) }, 'fail'),
    c('39 mm from the wall', { diameter: mm(35), wallClearance: mm(39) }, 'fail'),
  ],
  'toilet-fixture.paper-holder': [
    c('400 mm', { height: mm(400) }, 'pass'),
    c('500 mm', { height: mm(500) }, 'pass'),
    c('399 mm', { height: mm(399) }, 'fail'),
    c('501 mm', { height: mm(501) }, 'fail'),
  ],
}
