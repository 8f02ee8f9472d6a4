import { z } from '../domain/zod-setup'
import { idSchema } from '../domain/common'
import {
  unitCreateSchema,
  unitFieldLabels,
  unitListSchema,
  unitUpdateSchema,
  type Unit,
} from '../domain/units'
import {
  placeCreateSchema,
  placeFieldLabels,
  placeListSchema,
  placeUpdateSchema,
  type Place,
} from '../domain/places'
import type { ErrorCode } from './errors'

/**
 * An operation: input schema (validated at every door), output type (phantom, for the typed client),
 * the error codes it may answer besides VALIDATION/INTERNAL, and the zh-CN labels used in field messages.
 */
export interface Operation<I extends z.ZodType, O> {
  readonly input: I
  readonly errors: readonly ErrorCode[]
  readonly labels: Record<string, string>
  readonly summary: string
  /** Never set at runtime: carries the output type for the client. */
  readonly __output?: O
}

function op<O>() {
  return <I extends z.ZodType>(spec: Omit<Operation<I, O>, '__output'>): Operation<I, O> => spec
}

export interface AppInfo {
  version: string
  schemaVersion: number
  dataDir: string
  door: 'ipc' | 'http' | 'cli'
}

const byId = z.object({ id: idSchema })
const archiveInput = z.object({ id: idSchema, archived: z.boolean({ error: '请指明是否归档' }) })

/** The one API contract: channel names are `domain:action`. Preload, main, HTTP door, CLI and renderer derive from it. */
export const contract = {
  'app:info': op<AppInfo>()({
    input: z.object({}).default({}),
    errors: [],
    labels: {},
    summary: '应用与数据信息',
  }),

  'units:list': op<Unit[]>()({
    input: unitListSchema,
    errors: [],
    labels: unitFieldLabels,
    summary: '列出责任单位',
  }),
  'units:get': op<Unit>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: unitFieldLabels,
    summary: '读取责任单位',
  }),
  'units:create': op<Unit>()({
    input: unitCreateSchema,
    errors: ['DUPLICATE'],
    labels: unitFieldLabels,
    summary: '新建责任单位',
  }),
  'units:update': op<Unit>()({
    input: unitUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT', 'DUPLICATE'],
    labels: unitFieldLabels,
    summary: '修改责任单位',
  }),
  'units:setArchived': op<Unit>()({
    input: archiveInput,
    errors: ['NOT_FOUND'],
    labels: unitFieldLabels,
    summary: '归档或恢复责任单位',
  }),

  'places:list': op<Place[]>()({
    input: placeListSchema,
    errors: [],
    labels: placeFieldLabels,
    summary: '列出场所',
  }),
  'places:get': op<Place>()({
    input: byId,
    errors: ['NOT_FOUND'],
    labels: placeFieldLabels,
    summary: '读取场所',
  }),
  'places:create': op<Place>()({
    input: placeCreateSchema,
    errors: ['NOT_FOUND'],
    labels: placeFieldLabels,
    summary: '新建场所',
  }),
  'places:update': op<Place>()({
    input: placeUpdateSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    labels: placeFieldLabels,
    summary: '修改场所',
  }),
  'places:setArchived': op<Place>()({
    input: archiveInput,
    errors: ['NOT_FOUND'],
    labels: placeFieldLabels,
    summary: '归档或恢复场所',
  }),
} as const

export type Contract = typeof contract
export type OperationName = keyof Contract
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>
export type OutputOf<N extends OperationName> = NonNullable<Contract[N]['__output']>

export const operationNames = Object.keys(contract) as OperationName[]

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** The renderer's (and any caller's) view of the API, whatever the transport. */
export interface ApiClient {
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
}

export { ipcChannelPrefix } from './ipc'
