import { c, cm, deg, m, mm, pct, ratio, type CaseTable } from './build'

const yes = { bothSides: true, continuous: true }

export const rampCases: CaseTable = {
  'ramp.slope': [
    c('exactly 1:12 from rise and run', { rise: mm(750), run: mm(9000) }, 'pass', { explanation: /1:12/ }),
    c('just inside 1:12', { rise: mm(749), run: mm(9000) }, 'pass'),
    c('1:12 in cm and m', { rise: cm(7.5), run: m(0.9) }, 'pass'),
    c('1:12 as a ratio reading', { gradient: ratio(12) }, 'pass'),
    c('8.33 % reading', { gradient: pct(8.33) }, 'pass'),
    c('exactly 1:12 in degrees', { gradient: deg((Math.atan(1 / 12) * 180) / Math.PI) }, 'pass'),
    c('4.76° reading', { gradient: deg(4.76) }, 'pass'),
    // within the reading's tolerance of 1:12 (±0.1 %, ±0.1°): an expert re-measures, nothing fails yet
    c('8.34 % reading: within ±0.1 % of 1:12', { gradient: pct(8.34) }, 'needs-review', {
      explanation: /1:11\.99（8\.34%），超过 1:12（8\.33%）/,
      reason: /测量误差（坡度读数 ±0\.1%）/,
    }),
    c('4.77° reading: within ±0.1° of 1:12', { gradient: deg(4.77) }, 'needs-review', { reason: /±0\.1°/ }),
    c('8.5 % reading, rise unknown', { gradient: pct(8.5) }, 'not-entered', {
      explanation: /尚未填写：高差/,
    }),
    c('4.9° reading, rise unknown', { gradient: deg(4.9) }, 'not-entered'),
    c(
      '1:10 on a constrained site with 150 mm rise',
      { rise: mm(150), run: mm(1500), constrained: true },
      'needs-review',
      {
        reason: /受限/,
      },
    ),
    c('1:11 with 151 mm rise', { rise: mm(151), run: mm(1661) }, 'fail', { explanation: /150 mm/ }),
    c('1:11 with the site not constrained', { rise: mm(100), run: mm(1100), constrained: false }, 'fail'),
    c(
      '1:9.99 from 150 / 1499 mm: within the tape tolerance of 1:10',
      { rise: mm(150), run: mm(1499), constrained: true },
      'needs-review',
      { reason: /测量误差/ },
    ),
    c('clearly steeper than 1:10', { rise: mm(150), run: mm(1400), constrained: true }, 'fail', {
      explanation: /也陡于受限条件下的 1:10/,
    }),
    c(
      '1:11 with the constraint blank and 151 mm rise: fails either way',
      { rise: mm(151), gradient: ratio(11) },
      'fail',
      {
        explanation: /151 mm，超过 150 mm/,
      },
    ),
    c('1:10 as stated in the brief', { gradient: ratio(10), rise: mm(200) }, 'fail', {
      explanation: /坡度 1:10（10%），超过 1:12 的最大允许坡度/,
    }),
    c('1:8', { gradient: ratio(8) }, 'fail'),
  ],
  'ramp.rise-per-run': [
    c('exactly 750 mm', { rise: mm(750) }, 'pass', { explanation: /不超过 750 mm/ }),
    c('750.5 mm: within the tape tolerance', { rise: mm(750.5) }, 'needs-review', {
      reason: /长度测量 ±1 mm/,
    }),
    c('just inside', { rise: mm(749) }, 'pass'),
    c('just outside', { rise: mm(751) }, 'fail'),
    c('0.75 m', { rise: m(0.75) }, 'pass'),
    c('75.1 cm', { rise: cm(75.1) }, 'fail'),
    c('1:20 ramp still capped at 750 mm', { rise: mm(760), gradient: ratio(20) }, 'fail'),
    c('1:11 ramp at 150 mm', { rise: mm(150), gradient: ratio(11) }, 'pass'),
    // one cause, one failure: the 1:10 relaxation and its 150 mm limit are judged by ramp.slope alone
    c(
      "1:11 ramp at 151 mm: the 150 mm limit is ramp.slope's",
      { rise: mm(151), gradient: ratio(11) },
      'pass',
      {
        explanation: /由“轮椅坡道纵向坡度”判定/,
      },
    ),
    c("steeper than 1:10: the slope is ramp.slope's", { rise: mm(100), gradient: ratio(9) }, 'pass', {
      explanation: /由“轮椅坡道纵向坡度”判定/,
    }),
  ],
  'ramp.cross-slope': [
    c('exactly 2 %', { crossSlope: pct(2) }, 'pass'),
    c('exactly 1:50', { crossSlope: ratio(50) }, 'pass'),
    c('just inside', { crossSlope: pct(1.99) }, 'pass'),
    c('2.01 %: within ±0.1 %', { crossSlope: pct(2.01) }, 'needs-review', { explanation: /1:50（2%）/ }),
    c('just outside the tolerance', { crossSlope: pct(2.1) }, 'fail', {
      explanation: /1:47\.6（2\.1%），超过 1:50（2%）/,
    }),
    c('1:49: within ±0.1°', { crossSlope: ratio(49) }, 'needs-review'),
    c('1:45', { crossSlope: ratio(45) }, 'fail'),
    c('1.15° reading: within ±0.1° of 2 %', { crossSlope: deg(1.15) }, 'needs-review', { reason: /±0\.1°/ }),
    c('1.3° reading', { crossSlope: deg(1.3) }, 'fail'),
    c('1.14°', { crossSlope: deg(1.14) }, 'pass'),
  ],
  'ramp.clear-width': [
    c('exactly 1.20 m', { width: m(1.2) }, 'pass'),
    c('120 cm', { width: cm(120) }, 'pass'),
    c('just inside', { width: mm(1201) }, 'pass'),
    c('just outside', { width: mm(1199) }, 'fail', { explanation: /1\.199 m，小于 1\.20 m/ }),
    c('within the tape tolerance', { width: mm(1199.5) }, 'needs-review', { explanation: /1\.1995 m/ }),
    c('legacy 1.00 m no longer enough', { width: m(1) }, 'fail'),
  ],
  'ramp.landing-length': [
    c('exactly 1.50 m', { landingLength: m(1.5) }, 'pass'),
    c('just inside', { landingLength: mm(1501) }, 'pass'),
    c('just outside', { landingLength: mm(1499) }, 'fail'),
    c('within the tape tolerance', { landingLength: mm(1499.5) }, 'needs-review'),
  ],
  'ramp.landing-width': [
    c('equal to the ramp', { landingWidth: mm(1200), rampWidth: m(1.2) }, 'pass'),
    c('just wider', { landingWidth: mm(1201), rampWidth: mm(1200) }, 'pass'),
    c(
      "1 mm narrower: within the two readings' tolerance",
      { landingWidth: mm(1199), rampWidth: mm(1200) },
      'needs-review',
    ),
    c('2 mm narrower', { landingWidth: mm(1198), rampWidth: mm(1200) }, 'fail'),
  ],
  'ramp.handrails': [
    c('rise exactly 300 mm: not required', { rise: mm(300), gradient: ratio(12) }, 'not-applicable'),
    c('rise 301 mm at 1:12, both sides', { rise: mm(301), run: mm(3612), ...yes }, 'pass'),
    c(
      'rise 301 mm at 1:12, one side only',
      { rise: mm(301), run: mm(3612), ...yes, bothSides: false },
      'fail',
    ),
    c('broken at landings', { rise: mm(500), gradient: ratio(12), ...yes, continuous: false }, 'fail'),
    c('exactly 1:20: not required', { rise: mm(400), run: mm(8000) }, 'not-applicable', {
      explanation: /1:20/,
    }),
    c('just steeper than 1:20', { rise: mm(400), run: mm(7999), ...yes }, 'pass'),
    c('slope unknown', { rise: mm(400) }, 'not-entered', { explanation: /水平长度/ }),
  ],
  'ramp.edge-protection': [
    c('no open side', { openSide: false }, 'not-applicable'),
    c('open side without barrier', { openSide: true, barrier: false }, 'fail'),
    c('barrier, height not measured', { openSide: true, barrier: true }, 'pass'),
    c('upstand exactly 50 mm', { openSide: true, barrier: true, upstandHeight: mm(50) }, 'pass'),
    c('upstand 5 cm', { openSide: true, barrier: true, upstandHeight: cm(5) }, 'pass'),
    c(
      'upstand 49 mm: low-confidence figure',
      { openSide: true, barrier: true, upstandHeight: mm(49) },
      'needs-review',
      {
        reason: /不能作为判定依据/,
      },
    ),
  ],
}
