import { Navigate, Route, Routes } from 'react-router'
import { ItemDetailRoute } from './item-detail-page'
import { ItemsPage } from './items-page'
import { NoticesPage } from './notices-page'
import './rectification.css'

/** 整改跟踪: the item list, an item's page, and the issued notices (mounted at /rectification/*). */
export function RectificationRoutes() {
  return (
    <Routes>
      <Route index element={<ItemsPage />} />
      <Route path="items/:id" element={<ItemDetailRoute />} />
      <Route path="notices" element={<NoticesPage />} />
      <Route path="*" element={<Navigate to="/rectification" replace />} />
    </Routes>
  )
}
