/**
 * Strings of the inspection screens added for measure once, 沿用上次, the pre-submit list, 放弃草稿 and photos tied
 * to a check; spread into the `inspections` block of renderer/src/i18n/zh-cn.ts.
 */
export const inspectionsMoreZhCN = {
  measure: {
    heading: '共用测量值',
    intro: '本设施有几个检查项用到同一测量值，只需在此填写一次，各检查项会一起判定。',
    usedBy: '用于：{{checks}}',
    uses: '共用测量值：{{values}}',
    usesBlank: '共用测量值（在上方“共用测量值”中填写）：{{labels}}',
    conflict: '“{{label}}”此前在各检查项中填写不一致（{{values}}），请在此填写一次正确的值。',
    sharedError: '共用测量值有误，请在本设施的“共用测量值”中修改。',
  },
  carried: {
    tag: '沿用上次',
    check: '沿用 {{date}} 的值（未重新测量）：{{labels}}',
    value: '（沿用上次）',
  },
  copy: {
    check: '沿用上次的值',
    checkNamed: '沿用上次的值：{{check}}',
    element: '沿用上次全部测量值',
    elementNamed: '沿用上次全部测量值：{{label}}',
    help: '只填入本次尚未填写的项，已填写的不会被覆盖。沿用的值会标为“沿用上次”，提交前列出，提醒重新测量。',
    copied: '已沿用上次的 {{count}} 个值，标为“沿用上次”',
    none: '没有可沿用的值：上次未测量这些项，或本次已填写',
  },
  presubmit: {
    notEntered: '未填写的检查项（{{count}} 项）',
    notRemeasured: '复查中未重新测量的检查项（{{count}} 项）',
    notRemeasuredHelp: '上次检查测量过，本次未填写或沿用了上次的值。',
    blankNow: '本次未填写',
    carried: '沿用上次的值',
    goTo: '转到',
    allEntered: '全部 {{count}} 个检查项均已填写。',
    acknowledge: '我已核对以上未填写和未重新测量的检查项，仍要提交',
    acknowledgeFirst: '请先勾选“我已核对……仍要提交”，或点检查项转去填写。',
  },
  discard: {
    button: '放弃草稿',
    title: '放弃此检查草稿？',
    body: '将删除这次检查的草稿：{{count}} 个设施及其测量值和照片关联。照片文件、场所和其他检查都不受影响。此操作不能撤销。',
    ok: '放弃草稿',
    discarded: '已放弃 {{place}} 的检查草稿',
  },
  skip: {
    toSubmit: '跳到提交栏',
    backToSubmit: '返回提交栏',
    region: '保存与提交',
  },
  photoTie: {
    check: '照片关联的检查项',
    facility: '整个设施',
    caption: '照片说明（可选）',
    captionPlaceholder: '如“坡道起点，坡度仪读数”',
    tiedTo: '关联：{{check}}',
    edit: '编辑说明',
    editNamed: '编辑说明：照片 {{name}}',
    editTitle: '照片说明和关联的检查项',
    saved: '已保存照片 {{name}} 的说明',
    added: '已添加 {{count}} 张照片：{{names}}',
    checkPhotos: '本项照片：{{captions}}',
  },
  counts: {
    label: '共 {{checks}} 项检查：不合格 {{fail}} 项，待复核 {{review}} 项，未填写 {{notEntered}} 项',
  },
}
