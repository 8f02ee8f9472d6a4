/** Prefix of IPC channels, checked on both sides. Kept apart from the contract so the preload stays tiny. */
export const ipcChannelPrefix = 'aa:'
