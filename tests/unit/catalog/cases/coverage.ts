import { c, LOW, m, mm, type CaseTable } from './build'

/** Stairs, platform lifts, public toilets, bathing, guest rooms, wheelchair seating, warnings and information. */
export const coverageCases: CaseTable = {
  'stairs.dimensions': [
    c('stair 280 / 160', { kind: 'stair', tread: mm(280), riser: mm(160) }, 'pass'),
    c('stair tread 279', { kind: 'stair', tread: mm(279), riser: mm(150) }, 'fail'),
    c('stair riser 161', { kind: 'stair', tread: mm(300), riser: mm(161) }, 'fail'),
    c(
      'stair riser 160.5: within the tape tolerance',
      { kind: 'stair', tread: mm(300), riser: mm(160.5) },
      'needs-review',
    ),
    c('steps 300 / 150', { kind: 'steps', tread: mm(300), riser: mm(150) }, 'pass', { advisory: false }),
    c('steps riser 170: advisory only (宜)', { kind: 'steps', tread: mm(300), riser: mm(170) }, 'pass', {
      advisory: true,
    }),
    c(
      'kind blank, tread 260: a stair would fail, steps only get a note',
      { tread: mm(260), riser: mm(150) },
      'not-entered',
    ),
  ],
  'stairs.nosings': [
    c('closed risers, rounded nosings', { closedRisers: true, noSquareNosing: true }, 'pass'),
    c('open risers', { closedRisers: false, noSquareNosing: true }, 'fail', { explanation: /无踢面/ }),
    c('open risers, nosing blank: fails anyway', { closedRisers: false }, 'fail'),
  ],
  'stairs.marking': [
    c('not mainly for visually impaired people', { mainlyVisuallyImpaired: false }, 'not-applicable'),
    c(
      'marked and flush',
      { mainlyVisuallyImpaired: true, firstLastDistinct: true, stripsFlush: true },
      'pass',
    ),
    c(
      'not marked: judged against the code text',
      { mainlyVisuallyImpaired: true, firstLastDistinct: false, stripsFlush: true },
      'needs-review',
      {
        reason: LOW,
      },
    ),
  ],
  'platform-lift.size': [
    c('vertical 1.20 × 0.90 m', { platformType: 'vertical', depth: m(1.2), width: mm(900) }, 'pass'),
    c('vertical depth 1.10 m', { platformType: 'vertical', depth: m(1.1), width: mm(900) }, 'fail'),
    c('inclined 1.00 × 0.90 m', { platformType: 'inclined', depth: m(1), width: mm(900) }, 'pass'),
    c('width 0.80 m, type blank: fails anyway', { width: mm(800) }, 'fail'),
    c('depth 1.10 m, type blank: depends on it', { depth: m(1.1), width: mm(900) }, 'not-entered'),
  ],
  'platform-lift.working': [
    c('works', { operates: true, callable: true, unobstructed: true }, 'pass'),
    c('out of order', { operates: false, callable: true, unobstructed: true }, 'fail', {
      explanation: /不能正常运行/,
    }),
  ],
  'public-toilet.per-floor': [
    c('not a public building', { publicBuilding: false }, 'not-applicable'),
    c('each floor has both', { publicBuilding: true, eachFloor: true }, 'pass'),
    c(
      'neither stalls nor a separate room',
      { publicBuilding: true, eachFloor: false, separateRoom: false },
      'fail',
    ),
    c(
      'a separate room instead: judged against the code text',
      { publicBuilding: true, eachFloor: false, separateRoom: true },
      'needs-review',
      {
        reason: LOW,
      },
    ),
    c('separate room not recorded', { publicBuilding: true, eachFloor: false }, 'not-entered'),
  ],
  'public-toilet.fittings': [
    c("women's: stall and basin", { gender: 'female', hasStall: true, hasBasin: true }, 'pass'),
    c("men's without urinal", { gender: 'male', hasStall: true, hasBasin: true, hasUrinal: false }, 'fail'),
    c('no stall, which toilet blank: fails anyway', { hasStall: false }, 'fail'),
  ],
  'public-toilet.turning-space': [
    c('1.50 m', { turningDiameter: m(1.5) }, 'pass'),
    c('1.40 m', { turningDiameter: m(1.4) }, 'fail'),
  ],
  'bathing.provision': [
    c('no showers or tubs', { hasShowers: false, hasBathtubs: false }, 'not-applicable'),
    c('accessible shower', { hasShowers: true, accessibleShower: true, hasBathtubs: false }, 'pass'),
    c('showers, none accessible', { hasShowers: true, accessibleShower: false, hasBathtubs: false }, 'fail'),
    c('tubs, none accessible', { hasShowers: false, hasBathtubs: true, accessibleBathtub: false }, 'fail'),
  ],
  'bathing.shower-room': [
    c(
      '1.50 m with seat and bars: figures unverified',
      { shortSide: m(1.5), hasSeat: true, hasGrabBars: true },
      'needs-review',
      {
        reason: LOW,
      },
    ),
    c(
      '1.20 m, no seat: never a fail on unverified figures',
      { shortSide: m(1.2), hasSeat: false, hasGrabBars: true },
      'needs-review',
    ),
  ],
  'guest-room.location': [
    c('reachable', { reachable: true }, 'pass'),
    c('upper floor without lift', { reachable: false }, 'fail'),
  ],
  'guest-room.space': [
    c('access and turning', { wheelchairAccess: true, turningSpace: true }, 'pass'),
    c('no turning space', { wheelchairAccess: true, turningSpace: false }, 'fail'),
  ],
  'guest-room.call-device': [
    c('present', { hasCallDevice: true }, 'pass'),
    c('missing', { hasCallDevice: false }, 'fail'),
  ],
  'guest-room.bathroom': [
    c('present', { hasAccessibleBathroom: true }, 'pass'),
    c('missing', { hasAccessibleBathroom: false }, 'fail'),
  ],
  'guest-room.bed-side': [
    c('1.20 m', { aisleWidth: m(1.2) }, 'pass'),
    c('1199 mm', { aisleWidth: mm(1199) }, 'fail'),
    c('1199.5 mm: within the tape tolerance', { aisleWidth: mm(1199.5) }, 'needs-review'),
  ],
  'guest-room.window-controls': [
    c('0.85 m', { handleHeight: m(0.85) }, 'pass'),
    c('1.00 m', { handleHeight: m(1) }, 'pass'),
    c('1.20 m', { handleHeight: m(1.2) }, 'fail'),
  ],
  'guest-room.doorbell': [
    c('light and sound', { visualSignal: true, audibleSignal: true }, 'pass'),
    c('sound only', { visualSignal: false, audibleSignal: true }, 'fail', { explanation: /听觉障碍者/ }),
  ],
  'seating.sightlines': [
    c('clear', { clearView: true, notBlocking: true }, 'pass'),
    c('blocked view', { clearView: false, notBlocking: true }, 'fail'),
  ],
  'seating.location': [
    c('near exit, out of aisle', { nearExit: true, outOfAisle: true }, 'pass'),
    c('in the aisle', { nearExit: true, outOfAisle: false }, 'fail'),
  ],
  'seating.route': [
    c('connected', { connected: true }, 'pass'),
    c('not connected', { connected: false }, 'fail'),
  ],
  'seating.size': [
    c('1.10 m deep: figure unverified', { depth: m(1.1) }, 'needs-review', { reason: LOW }),
    c('0.90 m deep: never a fail on an unverified figure', { depth: m(0.9) }, 'needs-review', {
      reason: LOW,
    }),
  ],
  'information.warnings': [
    c('no warning needed', { warningNeeded: false }, 'not-applicable'),
    c('visual and audible', { warningNeeded: true, visual: true, audible: true }, 'pass'),
    c('visual only', { warningNeeded: true, visual: true, audible: false }, 'fail', {
      explanation: /听觉警示/,
    }),
  ],
  'information.text-backup': [
    c('not an audio service', { audioService: false }, 'not-applicable'),
    c('text provided', { audioService: true, textProvided: true }, 'pass'),
    c('no text', { audioService: true, textProvided: false }, 'fail'),
  ],
  'information.audio-backup': [
    c('not a visual service', { visualService: false }, 'not-applicable'),
    c('audio provided', { visualService: true, audioProvided: true }, 'pass'),
    c('no audio', { visualService: true, audioProvided: false }, 'fail'),
  ],
}
