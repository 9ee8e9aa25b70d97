/** Every PDF document type, by name. Areas add theirs (quote, invoice, agreement, certificate, PO). */
import type { PdfDocument } from "../document.ts";
import { auditTrailPdf } from "./audit-trail.tsx";

export const PDF_DOCUMENTS: ReadonlyMap<string, PdfDocument> = new Map([auditTrailPdf].map((d) => [d.name, d as unknown as PdfDocument]));
