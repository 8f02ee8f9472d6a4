import { z } from 'zod'

// zod's own messages (wrong type, etc.) in zh-CN; field-specific messages are written in each schema.
z.config(z.locales.zhCN())

export { z }
