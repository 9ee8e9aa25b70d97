import { quoteLinkApi } from "@/modules/quotes/acceptance.api.ts";
import { agreementCertificateByLink, LINK_GONE } from "@/modules/quotes/acceptance.service.ts";
import { notFound } from "@/server/errors/errors.ts";
import { route } from "@/server/http/route.ts";
import { storedFileStream } from "@/server/storage/storage.ts";

export const GET = route(quoteLinkApi.agreement, async ({ params }) => {
  const file = await agreementCertificateByLink(params.token);
  if (!file) throw notFound(LINK_GONE);
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
