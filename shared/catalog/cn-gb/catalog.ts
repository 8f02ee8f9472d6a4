import { categoryIds } from '../categories'
import type { Catalog } from '../types'
import { audibleSignalChecks } from './audible-signals'
import { bathingChecks } from './bathing'
import { cnCodes } from './clauses'
import { counterChecks } from './counters'
import { curbRampChecks } from './curb-ramps'
import { specialDoorChecks } from './doors-special'
import { doorChecks } from './doors'
import { entranceChecks } from './entrances'
import { guestRoomChecks } from './guest-rooms'
import { handrailChecks } from './handrails'
import { informationChecks } from './information'
import { liftChecks } from './lifts'
import { parkingChecks } from './parking'
import { platformLiftChecks } from './platform-lifts'
import { publicToiletChecks } from './public-toilets'
import { rampChecks } from './ramps'
import { routeChecks } from './routes'
import { seatingChecks } from './seating'
import { signageChecks } from './signage'
import { stairChecks } from './stairs'
import { tactileDirectionalChecks } from './tactile-directional'
import { tactileWarningChecks } from './tactile-warning'
import { toiletFixtureChecks } from './toilet-fixtures'
import { toiletRoomChecks } from './toilet-rooms'
import { toiletStallChecks } from './toilet-stalls'

/**
 * The Chinese rule set: GB 55019-2021 (mandatory general code) with GB 50763-2012 where GB 55019 is silent or
 * less detailed. Where the two conflict, checks judge against GB 55019 and cite the GB 50763 clause as superseded.
 * Figures come from the project's fact sheet (physical-standards.md); every requirement text is a paraphrase.
 */
export const cnGbCatalog: Catalog = {
  id: 'cn-gb55019-gb50763',
  name: '建筑与市政工程无障碍通用规范 GB 55019-2021 ＋ 无障碍设计规范 GB 50763-2012',
  version: '2.0.0',
  locale: 'zh-CN',
  codes: cnCodes,
  // This catalog covers every shared category, in the shared order.
  categories: categoryIds,
  checks: [
    ...rampChecks,
    ...curbRampChecks,
    ...tactileDirectionalChecks,
    ...tactileWarningChecks,
    ...audibleSignalChecks,
    ...entranceChecks,
    ...routeChecks,
    ...doorChecks,
    ...specialDoorChecks,
    ...handrailChecks,
    ...stairChecks,
    ...liftChecks,
    ...platformLiftChecks,
    ...publicToiletChecks,
    ...toiletStallChecks,
    ...toiletRoomChecks,
    ...toiletFixtureChecks,
    ...bathingChecks,
    ...guestRoomChecks,
    ...parkingChecks,
    ...counterChecks,
    ...seatingChecks,
    ...signageChecks,
    ...informationChecks,
  ],
}
