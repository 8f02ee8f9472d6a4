import type { CoreContext } from '../context'
import type { CoreServices, Handlers } from '../handler-types'
import { syncRectification } from './item-sync'
import {
  claimItem,
  decideProposal,
  dropItem,
  getItem,
  listItems,
  mergeItems,
  reopenItem,
  unverifyItem,
  updateItem,
  verifyItem,
} from './items-service'
import { bulkClaim, bulkDecide, bulkUpdate } from './bulk-actions'
import { createEvidenceLoader } from './notice-evidence-loader'
import { exportNoticeFile } from './notice-exports'
import { noticeRenderers } from './notice-renderers'
import { getNotice, issueNotice, listNotices, previewNoticeDocument } from './notices-service'
import { uploadReplyPhoto } from './reply-photos'
import { loadRectificationSettings, saveRectificationSettings } from './settings-service'

type RectificationOps = Extract<keyof Handlers, `rectification:${string}` | `notices:${string}`>

/** The rectification and notice operations of the contract. */
export function rectificationHandlers(
  ctx: CoreContext,
  services: CoreServices,
): Pick<Handlers, RectificationOps> {
  const loader = createEvidenceLoader({
    dataDir: ctx.dataDir,
    photos: services.photos,
    readFile: services.readFile,
  })
  const renderers = noticeRenderers(services.pdf)
  return {
    'rectification:sync': () => syncRectification(ctx),
    'rectification:list': (input) => listItems(ctx, input),
    'rectification:get': (input) => getItem(ctx, input.id),
    'rectification:update': (input) => updateItem(ctx, input),
    'rectification:drop': (input) => dropItem(ctx, input),
    'rectification:merge': (input) => mergeItems(ctx, input),
    'rectification:uploadPhoto': (input) => uploadReplyPhoto(ctx, services.photos, input),
    'rectification:claim': (input) => claimItem(ctx, input),
    'rectification:verify': (input) => verifyItem(ctx, input),
    'rectification:reopen': (input) => reopenItem(ctx, input),
    'rectification:decideProposal': (input) => decideProposal(ctx, input),
    'rectification:unverify': (input) => unverifyItem(ctx, input),
    'rectification:bulkClaim': (input) => bulkClaim(ctx, input),
    'rectification:bulkDecide': (input) => bulkDecide(ctx, input),
    'rectification:bulkUpdate': (input) => bulkUpdate(ctx, input),
    'rectification:settings': () => loadRectificationSettings(ctx.db),
    'rectification:saveSettings': (input) => saveRectificationSettings(ctx, input),
    'notices:preview': async (input) => {
      const document = previewNoticeDocument(ctx, input)
      return { document, html: await renderers.html(document, loader) }
    },
    'notices:issue': (input) => issueNotice(ctx, input),
    'notices:list': (input) => listNotices(ctx, input.unitId),
    'notices:get': (input) => getNotice(ctx, input.id),
    'notices:html': async (input) => ({
      html: await renderers.html(getNotice(ctx, input.id).document, loader),
    }),
    'notices:export': async (input) =>
      exportNoticeFile(getNotice(ctx, input.id).document, input.format, renderers, loader),
  }
}
