import { c, cm, db, LOW, m, mm, pct, ratio, type CaseTable } from './build'

export const signalEntranceRouteCases: CaseTable = {
  'audible-signal.provision': [
    c('not a required location', { requiredLocation: false }, 'not-applicable'),
    c('missing', { requiredLocation: true, present: false }, 'fail'),
    c('present and working', { requiredLocation: true, present: true, working: true }, 'pass', {
      reason: /4\.0\.8/,
    }),
    c('present but silent', { requiredLocation: true, present: true, working: false }, 'fail'),
    c('working not recorded', { requiredLocation: true, present: true }, 'not-entered'),
    c('location blank, no device: depends on the location', { present: false }, 'not-entered'),
  ],
  'audible-signal.operation': [
    c('all normal', { locatorTone: true, distinctTones: true, synced: true }, 'pass', { reason: LOW }),
    c(
      'no locator tone: judged against the code text',
      { locatorTone: false, distinctTones: true, synced: true },
      'needs-review',
      {
        reason: LOW,
      },
    ),
    c('one blank', { locatorTone: true, synced: true }, 'not-entered'),
  ],
  'audible-signal.acoustics': [
    c('5 dB above ambient', { ambientDb: db(60), signalDb: db(65) }, 'needs-review', {
      reason: /未规定提示音声级的数值/,
      advisory: false,
    }),
    c('11 dB above ambient', { ambientDb: db(60), signalDb: db(71) }, 'needs-review', { advisory: true }),
    c(
      '2 dB below ambient: said as below, never "高出 -2 dB"',
      { ambientDb: db(60), signalDb: db(58) },
      'needs-review',
      {
        explanation: /低于环境噪声 2 dB/,
        advisory: true,
      },
    ),
    c('mounted at 1.9 m', { ambientDb: db(60), signalDb: db(65), mountingHeight: m(1.9) }, 'needs-review', {
      advisory: true,
    }),
  ],
  'entrance.type': [
    c('level entrance', { entranceType: 'level' }, 'pass'),
    c('steps and ramp', { entranceType: 'steps-ramp' }, 'pass'),
    c('steps and platform lift', { entranceType: 'steps-lift' }, 'pass'),
    c('steps only', { entranceType: 'steps-only' }, 'fail'),
  ],
  'entrance.level-slope': [
    c('exactly 1:20 (advisory 1:30)', { rise: mm(50), run: mm(1000) }, 'pass', { advisory: true }),
    c('exactly 1:30', { gradient: ratio(30) }, 'pass', { advisory: false }),
    c('1:25', { gradient: ratio(25) }, 'pass', { advisory: true }),
    c('5.01 %: within ±0.1 % of 1:20', { gradient: pct(5.01) }, 'needs-review'),
    c('5.2 %', { gradient: pct(5.2) }, 'fail', { explanation: /应按轮椅坡道设置/ }),
  ],
  'entrance.landing-depth': [
    c('level entrance', { levelEntrance: true }, 'not-applicable'),
    c('exactly 1.50 m', { levelEntrance: false, depth: m(1.5) }, 'pass'),
    c('just outside', { levelEntrance: false, depth: mm(1499) }, 'fail'),
    c('within the tape tolerance', { levelEntrance: false, depth: mm(1499.5) }, 'needs-review'),
  ],
  'entrance.canopy': [c('canopy', { hasCanopy: true }, 'pass'), c('no canopy', { hasCanopy: false }, 'fail')],
  'entrance.lobby-depth': [
    c('single door', { twoDoors: false }, 'not-applicable'),
    c('exactly 1.50 m', { twoDoors: true, lobbyDepth: cm(150) }, 'pass'),
    c('just outside', { twoDoors: true, lobbyDepth: mm(1499) }, 'fail'),
    c('within the tape tolerance', { twoDoors: true, lobbyDepth: mm(1499.5) }, 'needs-review'),
  ],
  'entrance.bollard-spacing': [
    c('no bollards', { hasBollards: false }, 'not-applicable'),
    c('900 mm: figure unverified', { hasBollards: true, spacing: mm(900) }, 'needs-review', { reason: LOW }),
    c('899 mm: figure unverified', { hasBollards: true, spacing: mm(899) }, 'needs-review', { reason: LOW }),
  ],
  'route.clear-width': [
    c('1.20 m, not crowded', { width: m(1.2), crowded: false }, 'pass'),
    c('1199 mm, not crowded', { width: mm(1199), crowded: false }, 'fail'),
    c('1.80 m, crowded', { width: mm(1800), crowded: true }, 'pass'),
    c('1799 mm, crowded', { width: mm(1799), crowded: true }, 'fail'),
    c('1799.5 mm, crowded: within the tape tolerance', { width: mm(1799.5), crowded: true }, 'needs-review'),
    c('1.10 m, crowded blank: fails even for a general place', { width: m(1.1) }, 'fail', {
      explanation: /“是否为人员密集的公共场所”尚未填写，即使按要求最低的“否”判定也不符合/,
    }),
    c('1.50 m, crowded blank: depends on it', { width: m(1.5) }, 'not-entered', {
      explanation: /尚未填写：是否为人员密集的公共场所/,
    }),
    c('outdoor 1.20 m: advisory 1.50 m', { width: mm(1200), crowded: false, outdoor: true }, 'pass', {
      advisory: true,
    }),
  ],
  'route.gate-width': [
    c('900 mm', { laneWidth: mm(900) }, 'pass'),
    c('899 mm', { laneWidth: mm(899) }, 'fail'),
    c('899.5 mm: within the tape tolerance', { laneWidth: mm(899.5) }, 'needs-review'),
  ],
  'route.grating': [
    c('13 mm, perpendicular', { opening: mm(13), orientation: 'perpendicular' }, 'pass'),
    c(
      '13.5 mm: within the tape tolerance',
      { opening: mm(13.5), orientation: 'perpendicular' },
      'needs-review',
    ),
    c('14 mm (old 15 mm rule superseded)', { opening: mm(14), orientation: 'perpendicular' }, 'fail', {
      reason: /取代/,
    }),
    c('20 mm, orientation blank: fails anyway', { opening: mm(20) }, 'fail', {
      explanation: /尚未填写：孔洞形状与方向/,
    }),
    c('parallel slots, size blank: fails anyway', { orientation: 'parallel' }, 'fail'),
    c('12 mm hole', { opening: mm(12), orientation: 'hole' }, 'pass'),
    c('10 mm but parallel to travel', { opening: mm(10), orientation: 'parallel' }, 'fail'),
  ],
  'route.low-headroom': [
    c('2.001 m headroom', { headroom: mm(2001) }, 'not-applicable'),
    c('exactly 2.00 m with barrier', { headroom: m(2), barrier: true }, 'pass'),
    c('exactly 2.00 m without barrier', { headroom: mm(2000), barrier: false }, 'fail'),
    c('barrier not recorded', { headroom: mm(1999) }, 'not-entered'),
  ],
  'route.level-change': [
    c('no level change', { levelChange: false }, 'not-applicable'),
    c('bridged by a ramp', { levelChange: true, bridged: true }, 'pass'),
    c('steps only', { levelChange: true, bridged: false }, 'fail', { explanation: /未设轮椅坡道/ }),
    c('not recorded whether bridged', { levelChange: true }, 'not-entered'),
  ],
  'route.protrusion': [
    c('above 2.00 m', { protrusion: mm(300), undersideHeight: mm(2000) }, 'not-applicable'),
    c('100 mm protrusion', { protrusion: mm(100), undersideHeight: mm(1999) }, 'pass'),
    c(
      '101 mm with underside at 600 mm: within the tolerance of < 600 mm',
      { protrusion: mm(101), undersideHeight: mm(600) },
      'needs-review',
    ),
    c('101 mm with underside at 601 mm', { protrusion: mm(101), undersideHeight: mm(601) }, 'fail'),
    c(
      '100.5 mm with underside at 1.20 m: within the tolerance of 100 mm',
      { protrusion: mm(100.5), undersideHeight: m(1.2) },
      'needs-review',
    ),
    c('101 mm with underside at 599 mm', { protrusion: mm(101), undersideHeight: mm(599) }, 'pass'),
  ],
}
