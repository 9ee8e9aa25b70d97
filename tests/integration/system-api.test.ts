import { afterAll, describe, expect, it } from "vitest";
import * as mailbox from "../../app/api/admin/system/mailbox/route.ts";
import * as mailboxOne from "../../app/api/admin/system/mailbox/[id]/route.ts";
import * as jobs from "../../app/api/admin/system/jobs/route.ts";
import * as retry from "../../app/api/admin/system/jobs/[queue]/[jobId]/retry/route.ts";
import * as remove from "../../app/api/admin/system/jobs/[queue]/[jobId]/remove/route.ts";
import * as cron from "../../app/api/internal/cron/[name]/route.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";
import { Worker } from "bullmq";
import { bullPrefix, getQueue, jobIdFor, closeQueues } from "@/server/queue/queues.ts";
import { createRedis } from "@/server/redis/redis.ts";
import { waitUntil } from "../support/worker-env.ts";
import { call } from "../support/http.ts";
import { createSession, tenantWithAdmin } from "../support/factories.ts";

afterAll(() => closeQueues());

async function admin(role: "ADMIN" | "OFFICE" = "ADMIN") {
  const t = await tenantWithAdmin(role);
  return { ...t, token: await createSession(t.user.id, t.company.id) };
}

async function storeEmail(companyId: string, to: string, text: string) {
  return unsafeUnscopedDb().emailMessage.create({
    data: {
      companyId,
      transport: "mailbox",
      category: "auth",
      template: "auth.magic_link",
      fromAddress: "Quantract <no-reply@quantract.test>",
      to: [to],
      subject: "Your Quantract sign-in link",
      html: `<p>${text}</p>`,
      text,
      status: "SENT",
      idempotencyKey: `test:${to}:${Math.random()}`,
    },
  });
}

describe("mailbox API", () => {
  it("lists the company's mail newest first, filters by recipient and extracts links", async () => {
    const a = await admin();
    await storeEmail(a.company.id, "first@example.test", "Hello");
    await storeEmail(a.company.id, "pat@example.test", "Sign in: http://localhost:3000/login/magic/tok123 (15 minutes)");
    const all = await call(mailbox.GET, { token: a.token });
    expect(all.status).toBe(200);
    expect(all.json.items.map((m: { to: string[] }) => m.to[0])).toEqual(["pat@example.test", "first@example.test"]);
    const pat = await call(mailbox.GET, { token: a.token, path: "/api/admin/system/mailbox?to=PAT@example.test" });
    expect(pat.json.items).toHaveLength(1);
    expect(pat.json.items[0].links).toEqual(["http://localhost:3000/login/magic/tok123"]);
  });

  it("never shows another company's mail; a foreign id is a 404 like a missing one", async () => {
    const a = await admin();
    const b = await admin();
    const theirs = await storeEmail(b.company.id, "secret@example.test", "Secret");
    expect((await call(mailbox.GET, { token: a.token, path: "/api/admin/system/mailbox?to=secret@example.test" })).json.items).toEqual([]);
    const foreign = await call(mailboxOne.GET, { token: a.token, params: { id: theirs.id } });
    const missing = await call(mailboxOne.GET, { token: a.token, params: { id: "0190a0a0-0000-7000-8000-000000000000" } });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    expect((await call(mailboxOne.GET, { token: b.token, params: { id: theirs.id } })).json.html).toBe("<p>Secret</p>");
  });

  it("is for admins only", async () => {
    const office = await admin("OFFICE");
    expect((await call(mailbox.GET, { token: office.token })).status).toBe(403);
  });
});

describe("failed jobs", () => {
  /** A job that really ran and failed (a throwaway worker whose processor throws). */
  async function failedJobFor(companyId: string, tag: string) {
    const key = `test-failed:${tag}`;
    const job = await getQueue("reminder").add("reminder.invoice-overdue", { companyId, invoiceId: "0190a0a0-0000-7000-8000-000000000001", stage: 1 }, { jobId: jobIdFor(key), attempts: 1 });
    const worker = new Worker("reminder", async () => {
      throw new Error("Carrier API said no");
    }, { connection: createRedis("worker"), prefix: bullPrefix() });
    await waitUntil(async () => (await getQueue("reminder").getJob(job.id!))!.isFailed(), 10_000, "job to fail");
    await worker.close();
    return job.id!;
  }

  it("a company sees, retries and removes only its own failed jobs, audited", async () => {
    const a = await admin();
    const b = await admin();
    const mine = await failedJobFor(a.company.id, a.company.id);
    const theirs = await failedJobFor(b.company.id, b.company.id);
    const overview = await call(jobs.GET, { token: a.token });
    expect(overview.status).toBe(200);
    const ids = overview.json.failed.map((j: { jobId: string }) => j.jobId);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const listed = overview.json.failed.find((j: { jobId: string }) => j.jobId === mine);
    expect(listed.reason).toBe("Carrier API said no");
    expect(overview.json.queues.map((q: { name: string }) => q.name)).toEqual(["email", "pdf", "reminder", "courier-tracking", "maintenance"]);

    const headers = { origin: "http://localhost:3000" };
    expect((await call(retry.POST, { token: a.token, headers, params: { queue: "reminder", jobId: theirs } })).status).toBe(404);
    expect((await call(remove.POST, { token: a.token, headers, params: { queue: "reminder", jobId: theirs } })).status).toBe(404);
    expect(await (await getQueue("reminder").getJob(theirs))!.isFailed()).toBe(true);

    const retried = await call(retry.POST, { token: a.token, headers, params: { queue: "reminder", jobId: mine } });
    expect(retried.status).toBe(200);
    expect(await (await getQueue("reminder").getJob(mine))!.isFailed()).toBe(false);
    const theirs2 = await failedJobFor(a.company.id, `${a.company.id}-2`);
    expect((await call(remove.POST, { token: a.token, headers, params: { queue: "reminder", jobId: theirs2 } })).status).toBe(200);
    expect(await getQueue("reminder").getJob(theirs2)).toBeUndefined();
    const actions = (await a.ctx.db.auditEvent.findMany({ where: { entityType: "Job" }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["job.retried", "job.removed"]);
  });
});

describe("cron endpoints", () => {
  const secret = process.env.CRON_SECRET!;
  it("401 without the right secret, 404 for an unknown task, and one enqueue per period", async () => {
    expect((await call(cron.POST, { params: { name: "session-cleanup" } })).status).toBe(401);
    expect((await call(cron.POST, { params: { name: "session-cleanup" }, headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await call(cron.POST, { params: { name: "nope" }, headers: { authorization: `Bearer ${secret}` } })).status).toBe(404);
    const first = await call(cron.POST, { params: { name: "session-cleanup" }, headers: { authorization: `Bearer ${secret}` } });
    const second = await call(cron.POST, { params: { name: "session-cleanup" }, headers: { authorization: `Bearer ${secret}` } });
    expect(first.status).toBe(200);
    expect(first.json.enqueued).toBe(true);
    expect(second.json).toEqual({ ...first.json, enqueued: false });
    const period = new Date().toISOString().slice(0, 10);
    expect(await unsafeUnscopedDb().outboxMessage.count({ where: { idempotencyKey: `session-cleanup:${period}` } })).toBe(1);
  });
});
