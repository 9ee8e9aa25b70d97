import { renderToBuffer } from "@react-pdf/renderer";
import type { PdfBranding } from "./layout.tsx";
import { PDF_DOCUMENTS } from "./documents/index.ts";

/** Renders a registered document to PDF bytes. CPU-heavy: the worker runs it in a thread. */
export async function renderPdfDocument(
  document: string,
  props: unknown,
  branding: PdfBranding,
  files: Record<string, Buffer> = {},
): Promise<{ content: Buffer; fileName: string }> {
  const doc = PDF_DOCUMENTS.get(document);
  if (!doc) throw new Error(`Unknown PDF document "${document}"`);
  const p = doc.props.parse(props);
  const content = await renderToBuffer(doc.render(p, branding, files) as Parameters<typeof renderToBuffer>[0]);
  return { content, fileName: doc.fileName(p) };
}
