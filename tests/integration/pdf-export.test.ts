import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "../../app/api/admin/audit-events/export/route.ts";
import * as files from "../../app/api/admin/files/route.ts";
import * as download from "../../app/api/admin/files/[id]/download/route.ts";
import * as company from "../../app/api/admin/company/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { startRuntime } from "@/worker/runtime.ts";
import { createPdfPool, PdfRenderTimeout } from "@/worker/pdf-pool.ts";
import { call } from "../support/http.ts";
import { createSession, createUser, tenantWithAdmin } from "../support/factories.ts";
import { waitUntil } from "../support/worker-env.ts";

let runtime: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  runtime = await startRuntime({ queues: [{ queue: "pdf", concurrency: 2 }] });
});
afterAll(() => runtime.stop());

const headers = { origin: "http://localhost:3000" };

describe("PDF export of a record's history", () => {
  it("queues, renders in the worker, stores with its hash, and downloads for the right people only", async () => {
    const a = await tenantWithAdmin();
    const token = await createSession(a.user.id, a.company.id);
    await call(company.PATCH, { token, headers, body: { paymentTermsDays: 45, brandPrimaryColor: "#aa3300" } });

    const queued = await call(exportRoute.POST, { token, headers, body: { entityType: "Company", entityId: a.company.id, label: "Company settings" } });
    expect(queued.status).toBe(202);
    const { exportId } = queued.json;
    const listPath = `/api/admin/files?entityType=AuditExport&entityId=${exportId}`;
    await waitUntil(async () => (await call(files.GET, { token, path: listPath })).json.items.length === 1, 30_000, "the PDF");
    const [file] = (await call(files.GET, { token, path: listPath })).json.items;
    expect(file).toMatchObject({ contentType: "application/pdf", fileName: "history-company-settings.pdf" });

    const res = await call(download.GET, { token, params: { id: file.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="history-company-settings.pdf"');
    expect(res.text.startsWith("%PDF-")).toBe(true);
    const stored = await unsafeUnscopedDb().storedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(stored.size).toBeGreaterThan(1000);
    expect(file.sha256).toBe(stored.sha256);

    const generated = await unsafeUnscopedDb().auditEvent.findMany({ where: { companyId: a.company.id, action: "pdf.generated" } });
    expect(generated).toHaveLength(1);
    expect(generated[0]!.actorId).toBe(a.user.id);

    // Office may (audit.view); an engineer may not; another company gets a 404 like a missing id.
    const office = await createUser({ companyId: a.company.id, role: "OFFICE" });
    expect((await call(download.GET, { token: await createSession(office.id, a.company.id), params: { id: file.id } })).status).toBe(200);
    const engineer = await createUser({ companyId: a.company.id, role: "ENGINEER" });
    expect((await call(download.GET, { token: await createSession(engineer.id, a.company.id), params: { id: file.id } })).status).toBe(403);
    const b = await tenantWithAdmin();
    const foreign = await call(download.GET, { token: await createSession(b.user.id, b.company.id), params: { id: file.id } });
    const missing = await call(download.GET, { token: await createSession(b.user.id, b.company.id), params: { id: "0190a0a0-0000-7000-8000-000000000000" } });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    // The bytes served are the bytes stored.
    const served = Buffer.from(await (await download.GET(...(await dl(token, file.id)))).arrayBuffer());
    expect(createHash("sha256").update(served).digest("hex")).toBe(stored.sha256);
  }, 60_000);

  it("kills a render that runs past its timeout", async () => {
    const pool = createPdfPool(1);
    await expect(pool.render("audit-trail", { recordLabel: "X", generatedAt: "now", events: [] }, { companyName: "X", brandColor: "#000000", addressLines: [] })).rejects.toBeInstanceOf(PdfRenderTimeout);
    await pool.close();
  });
});

/** Arguments to call a handler directly and read raw bytes (call() reads text). */
async function dl(token: string, id: string) {
  const { NextRequest } = await import("next/server");
  const req = new NextRequest(new URL(`/api/admin/files/${id}/download`, "http://localhost:3000"), { headers: { cookie: `qt_session=${token}` } });
  return [req, { params: Promise.resolve({ id }) }] as const;
}
