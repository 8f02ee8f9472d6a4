import { contextBridge, ipcRenderer } from 'electron'
import { ipcChannelPrefix } from '../../shared/api/ipc'

/**
 * The only bridge between the sandboxed renderer and main: one named object with one function. Raw IPC stays here
 * and in electron/main/ipc-binder.ts. The channel prefix is checked on both sides.
 */
contextBridge.exposeInMainWorld('accessAudit', {
  invoke: (name: string, input: unknown) => {
    if (typeof name !== 'string' || !/^[a-z]+:[A-Za-z]+$/.test(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: '未知的操作' } })
    }
    return ipcRenderer.invoke(`${ipcChannelPrefix}${name}`, input)
  },
})
