export * from './contract'
export * from './errors'
export * from './result'
export * from './validate'
