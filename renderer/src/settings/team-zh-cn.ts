import { exchangeZhCN } from './exchange-zh-cn'

/** 设置 → 团队协作 strings, and the authorship shown beside history (the `team` block of renderer/src/i18n/zh-cn.ts). */
export const teamZhCN = {
  heading: '团队协作',
  intro:
    '每台安装本软件的电脑有自己的检查员姓名和设备编号，新建和修改的记录都会记下是谁、在哪台设备上做的，便于多台电脑的工作汇总到协调员处。编号的整改通知书只在协调员的电脑上签发，以免两台电脑给出相同的文号；外业终端可以整理整改项、预览通知书草稿。',
  profileName: '检查员姓名',
  profileNameHelp: '此后新建和修改的记录署此名（1–40 个字符）。',
  role: '团队角色',
  roles: {
    field: '外业终端（现场检查用的笔记本电脑）',
    coordinator: '协调员（签发编号的整改通知书、汇总全队工作）',
  },
  roleHelp: '全队只应有一台协调员的电脑。',
  deviceId: '设备编号',
  deviceIdHelp: '本数据文件夹首次打开时生成，不可更改。',
  save: '保存团队设置',
  saved: '已保存团队设置',
  recordedBy: '记录人',
  unknown: '未记录',
  created: '创建：{{who}}',
  updated: '最后修改：{{who}}',
  authorship: '记录',
  exchange: exchangeZhCN,
} as const
