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
  ],
  'audible-signal.acoustics': [
    c('5 dB above ambient', { ambientDb: db(60), signalDb: db(65) }, 'needs-review', {
      reason: LOW,
      advisory: false,
    }),
    c('11 dB above ambient', { ambientDb: db(60), signalDb: db(71) }, 'needs-review', { advisory: true }),
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
    c('just steeper than 1:20', { gradient: pct(5.01) }, 'fail'),
  ],
  'entrance.landing-depth': [
    c('level entrance', { levelEntrance: true }, 'not-applicable'),
    c('exactly 1.50 m', { levelEntrance: false, depth: m(1.5) }, 'pass'),
    c('just outside', { levelEntrance: false, depth: mm(1499) }, 'fail'),
  ],
  'entrance.canopy': [c('canopy', { hasCanopy: true }, 'pass'), c('no canopy', { hasCanopy: false }, 'fail')],
  'entrance.lobby-depth': [
    c('single door', { twoDoors: false }, 'not-applicable'),
    c('exactly 1.50 m', { twoDoors: true, lobbyDepth: cm(150) }, 'pass'),
    c('just outside', { twoDoors: true, lobbyDepth: mm(1499) }, 'fail'),
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
    c('outdoor 1.20 m: advisory 1.50 m', { width: mm(1200), crowded: false, outdoor: true }, 'pass', {
      advisory: true,
    }),
  ],
  'route.gate-width': [
    c('900 mm', { laneWidth: mm(900) }, 'pass'),
    c('899 mm', { laneWidth: mm(899) }, 'fail'),
  ],
  'route.grating': [
    c('13 mm, perpendicular', { opening: mm(13), orientation: 'perpendicular' }, 'pass'),
    c('13.5 mm (old 15 mm rule superseded)', { opening: mm(13.5), orientation: 'perpendicular' }, 'fail', {
      reason: /取代/,
    }),
    c('12 mm hole', { opening: mm(12), orientation: 'hole' }, 'pass'),
    c('10 mm but parallel to travel', { opening: mm(10), orientation: 'parallel' }, 'fail'),
  ],
  'route.low-headroom': [
    c('2.001 m headroom', { headroom: mm(2001) }, 'not-applicable'),
    c('exactly 2.00 m with barrier', { headroom: m(2), barrier: true }, 'pass'),
    c('exactly 2.00 m without barrier', { headroom: mm(2000), barrier: false }, 'fail'),
    c('barrier not recorded', { headroom: mm(1999) }, 'not-entered'),
  ],
  'route.protrusion': [
    c('above 2.00 m', { protrusion: mm(300), undersideHeight: mm(2000) }, 'not-applicable'),
    c('100 mm protrusion', { protrusion: mm(100), undersideHeight: mm(1999) }, 'pass'),
    c('101 mm with underside at 600 mm', { protrusion: mm(101), undersideHeight: mm(600) }, 'fail'),
    c('101 mm with underside at 599 mm', { protrusion: mm(101), undersideHeight: mm(599) }, 'pass'),
  ],
}
