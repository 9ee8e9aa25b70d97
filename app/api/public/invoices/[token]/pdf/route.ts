import { invoiceLinkApi } from "@/modules/invoices/invoices.api.ts";
import { invoicePdfByLink, INVOICE_LINK_GONE } from "@/modules/invoices/invoice-link.service.ts";
import { notFound } from "@/server/errors/errors.ts";
import { route } from "@/server/http/route.ts";
import { storedFileStream } from "@/server/storage/storage.ts";

export const GET = route(invoiceLinkApi.pdf, async ({ params }) => {
  const file = await invoicePdfByLink(params.token);
  if (!file) throw notFound(INVOICE_LINK_GONE);
  const { stream, size } = await storedFileStream(file.storageKey);
  return new Response(stream as unknown as ReadableStream, {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(size),
      "content-disposition": `attachment; filename="${file.fileName.replace(/[^a-zA-Z0-9._-]+/g, "_")}"`,
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
});
