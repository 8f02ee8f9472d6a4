/** The 批量导入 dialog's strings (the `registryImport` block of renderer/src/i18n/zh-cn.ts). */
export const registryImportZhCN = {
  button: '批量导入',
  title: { places: '批量导入场所', portals: '批量导入网站' },
  help: {
    places:
      '选择单位报来的 Excel（.xlsx）或 CSV 文件。第一行为列名：名称（或场所名称）、地址、类型（如 政务服务大厅、医院）、责任单位，可选 经度、纬度（或 坐标“经度,纬度”）、备注。先显示预览，确认后才写入。',
    portals:
      '选择单位报来的 Excel（.xlsx）或 CSV 文件。第一行为列名：名称（或网站名称）、网址、责任单位。先显示预览，确认后才写入。',
  },
  file: '选择文件（.xlsx 或 .csv）',
  reading: '正在读取 {{name}}…',
  previewHeading: '预览：{{name}}',
  resultHeading: '导入结果：{{name}}',
  counts: '新增 {{new}} 行，已登记 {{existing}} 行，有错误 {{error}} 行。',
  nothingWritten: '确认前不会写入任何内容；有错误的行不会导入，改正文件后可重新导入。',
  ignoredColumns: '未使用的列：{{columns}}',
  tableCaption: '{{name}} 的逐行预览',
  columns: {
    row: '行号',
    status: '状态',
    name: '名称',
    address: '地址',
    url: '网址',
    type: '类型',
    unit: '责任单位',
    problems: '问题',
  },
  status: { new: '新增', existing: '已登记', error: '有错误', imported: '已导入' },
  confirm: '确认导入（{{count}} 行）',
  close: '关闭',
  done: '已导入 {{created}} 个{{kind}}；已登记 {{existing}} 行未重复导入，有错误 {{error}} 行未导入。',
  announcedPreview: '预览完成：新增 {{new}} 行，已登记 {{existing}} 行，有错误 {{error}} 行',
  kinds: { places: '场所', portals: '网站' },
}
