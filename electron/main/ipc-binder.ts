import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { ipcChannelPrefix, operationNames } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { Dispatch } from '../core/dispatch'

/**
 * Binds every contract operation to an IPC channel. A call is answered only when it comes from the app's own
 * window, from its top frame, on the app's own page; the input is then validated by the shared dispatcher.
 */
export function bindIpc(
  dispatch: Dispatch,
  isAppWindow: (contents: WebContents) => boolean,
  appUrl: () => string,
) {
  for (const name of operationNames) {
    ipcMain.handle(`${ipcChannelPrefix}${name}`, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isAppWindow, appUrl())) {
        return { ok: false, error: new ApiError('FORBIDDEN', '拒绝来自非本应用窗口的调用').toBody() }
      }
      return dispatch(name, input)
    })
  }
}

function isTrustedSender(
  event: IpcMainInvokeEvent,
  isAppWindow: (c: WebContents) => boolean,
  appUrl: string,
) {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  if (!isAppWindow(event.sender)) return false
  return frame.url.split('#')[0] === appUrl.split('#')[0]
}
