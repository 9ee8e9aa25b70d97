/** Every PDF document type, by name. Areas add theirs (quote, invoice, agreement, certificate, PO). */
import type { PdfDocument } from "../document.ts";
import { agreementCertificatePdf } from "./agreement-certificate.tsx";
import { auditTrailPdf } from "./audit-trail.tsx";
import { quotePdf } from "./quote.tsx";
import { invoicePdf } from "./invoice.tsx";
import { creditNotePdf } from "./credit-note.tsx";

export const PDF_DOCUMENTS: ReadonlyMap<string, PdfDocument> = new Map([auditTrailPdf, agreementCertificatePdf, quotePdf, invoicePdf, creditNotePdf].map((d) => [d.name, d as unknown as PdfDocument]));
