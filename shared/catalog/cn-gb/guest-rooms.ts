import { booleanInput, lengthInput, measureCheck, yesNoCheck } from '../check-helpers'
import type { CheckDefinition } from '../types'
import { gb55019 } from './clauses'

/** GB 55019 3.4 无障碍客房和无障碍住房: the requirements below are the clauses' own words (confirmed). */
const location = gb55019('3.4.1', 'high', {
  note: '应设于底层或无障碍电梯可达的楼层，设在便于到达、疏散和进出的位置',
})
const space = gb55019('3.4.2', 'high', { note: '人员活动空间应保证轮椅进出，内部应设轮椅回转空间' })
const callDevice = gb55019('3.4.3', 'high', { note: '主要人员活动空间应设置救助呼叫装置' })
const bathroom = gb55019('3.4.4', 'high', { note: '应设置无障碍卫生间（各款尚未与规范原文核对）' })
const bedSide = gb55019('3.4.6', 'high', { note: '乘轮椅者上下床用的床侧通道宽度不应小于 1.20 m' })
const windows = gb55019('3.4.7', 'high', {
  note: '窗户可开启扇的执手或启闭开关距地面高度应为 0.85–1.00 m（操作力度的数值尚未与规范原文核对）',
})
const doorbell = gb55019('3.4.8', 'high', { note: '门铃应同时满足听觉障碍者、视觉障碍者和言语障碍者使用' })

const roomLocation = yesNoCheck({
  id: 'guest-room.location',
  category: 'guest-room',
  title: '无障碍客房的位置',
  requirement: '无障碍客房应设于底层或无障碍电梯可达的楼层，位置便于到达、疏散和进出。',
  clauses: [location],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('reachable', '是否在底层或无障碍电梯可达的楼层'),
      expected: true,
      failText: '无障碍客房不在底层，无障碍电梯也不可达',
    },
  ],
  passText: '无障碍客房在底层或无障碍电梯可达的楼层',
})

const roomSpace = yesNoCheck({
  id: 'guest-room.space',
  category: 'guest-room',
  title: '客房内轮椅进出和回转',
  requirement: '客房的人员活动空间应保证轮椅进出，室内应设轮椅回转空间。',
  clauses: [space],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('wheelchairAccess', '轮椅能否进出各人员活动空间'),
      expected: true,
      failText: '轮椅不能进出人员活动空间',
    },
    {
      input: booleanInput('turningSpace', '室内是否有轮椅回转空间'),
      expected: true,
      failText: '室内没有轮椅回转空间',
    },
  ],
  passText: '轮椅可进出各活动空间，室内有轮椅回转空间',
})

const roomCall = yesNoCheck({
  id: 'guest-room.call-device',
  category: 'guest-room',
  title: '客房救助呼叫装置',
  requirement: '客房的主要人员活动空间应设救助呼叫装置。',
  clauses: [callDevice],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('hasCallDevice', '主要活动空间是否设有救助呼叫装置'),
      expected: true,
      failText: '主要活动空间未设救助呼叫装置',
    },
  ],
  passText: '主要活动空间设有救助呼叫装置',
})

const roomBathroom = yesNoCheck({
  id: 'guest-room.bathroom',
  category: 'guest-room',
  title: '客房内的无障碍卫生间',
  requirement: '无障碍客房内应设无障碍卫生间（卫生间内设施按无障碍厕所各项检查）。',
  clauses: [bathroom],
  severity: 'critical',
  conditions: [
    {
      input: booleanInput('hasAccessibleBathroom', '客房内是否设有无障碍卫生间'),
      expected: true,
      failText: '客房内未设无障碍卫生间',
    },
  ],
  passText: '客房内设有无障碍卫生间',
})

const bedSideAisle = measureCheck({
  id: 'guest-room.bed-side',
  category: 'guest-room',
  title: '床侧通道宽度',
  requirement: '乘轮椅者上下床用的床侧通道宽度不应小于 1.20 m。',
  clauses: [bedSide],
  severity: 'major',
  input: lengthInput('aisleWidth', '床侧通道宽度', 100, 5000),
  rule: { min: 1200, display: 'm' },
})

const windowControls = measureCheck({
  id: 'guest-room.window-controls',
  category: 'guest-room',
  title: '窗户执手或开关高度',
  requirement: '窗户可开启扇的执手或启闭开关距地面高度应为 0.85–1.00 m。',
  clauses: [windows],
  severity: 'minor',
  input: lengthInput('handleHeight', '执手或开关距地面高度', 0, 3000),
  rule: { min: 850, max: 1000, display: 'm' },
})

const roomDoorbell = yesNoCheck({
  id: 'guest-room.doorbell',
  category: 'guest-room',
  title: '客房门铃',
  requirement:
    '无障碍客房的门铃应同时满足听觉障碍者、视觉障碍者和言语障碍者使用：既有声音提示，也有闪光等视觉提示。',
  clauses: [doorbell],
  severity: 'major',
  conditions: [
    {
      input: booleanInput('visualSignal', '门铃是否有闪光等视觉提示'),
      expected: true,
      failText: '门铃没有视觉提示，听觉障碍者无法察觉',
    },
    {
      input: booleanInput('audibleSignal', '门铃是否有声音提示'),
      expected: true,
      failText: '门铃没有声音提示，视觉障碍者无法察觉',
    },
  ],
  passText: '门铃同时有声音提示和视觉提示',
})

export const guestRoomChecks: readonly CheckDefinition[] = [
  roomLocation,
  roomSpace,
  roomCall,
  roomBathroom,
  bedSideAisle,
  windowControls,
  roomDoorbell,
]
