/** Renders trusted, self-contained HTML (the app's own templates, hostile text already escaped) to PDF bytes. */
export interface PdfRenderer {
  renderPdf(html: string): Promise<Uint8Array>
  /** Closes the browser it may have launched; safe to call twice. */
  close(): Promise<void>
}
