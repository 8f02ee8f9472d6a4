/** Typed error codes of the API, each with its zh-CN message. One list for all three doors. */
export const errorMessages = {
  VALIDATION: '输入有误，请按提示修改后重试',
  NOT_FOUND: '记录不存在或已被删除',
  CONFLICT: '该记录已被他人修改，请刷新后再试',
  DUPLICATE: '已存在同名记录',
  UNKNOWN_OPERATION: '未知的操作',
  UNAUTHORIZED: '未授权：缺少或错误的访问令牌',
  FORBIDDEN: '拒绝访问：仅允许本机访问',
  DB_LOCKED: '数据库正被其他程序占用，请稍后重试',
  DB_CORRUPT: '数据库文件已损坏，未做任何修改。请从备份恢复或联系技术支持',
  DB_TOO_NEW: '数据库由更新版本的无障碍督查创建，当前版本无法打开。请升级软件；数据未被修改',
  IO_ERROR: '读写文件失败',
  INVALID_STATE: '当前状态不允许该操作',
  EXPORT_FAILED: '生成文件失败，未留下不完整的文件',
  BROWSER_UNAVAILABLE: '未找到可用的 Chrome、Edge 或 Chromium 浏览器',
  INTERNAL: '内部错误，操作未完成，数据未被修改',
  NOT_COORDINATOR: '只有协调员的安装可以签发编号的整改通知书，请到协调员的电脑上签发',
  PACKAGE_REJECTED: '数据包无法导入（不完整、被改动、来自更新的版本或团队签名不符），本机数据未做任何修改',
} as const

export type ErrorCode = keyof typeof errorMessages

/** One invalid field: `path` as in the input object, `message` names the field in zh-CN. */
export interface FieldError {
  path: string
  message: string
}

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  fields?: FieldError[]
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields: FieldError[] | undefined

  constructor(code: ErrorCode, message?: string, fields?: FieldError[]) {
    super(message ?? errorMessages[code])
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }

  toBody(): ApiErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (value as { code: string }).code in errorMessages &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}
