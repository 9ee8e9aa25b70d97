/**
 * A local stand-in for Resend's HTTP API (POST /emails), speaking its wire format: bearer auth,
 * JSON body, `Idempotency-Key` honoured like the real service (same key → same id, no second
 * delivery). Tests can make it fail the next N requests.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeEmail = { id: string; from: string; to: string[]; subject: string; html: string; text: string; attachments?: { filename: string; content: string }[]; idempotencyKey: string | null };

export async function startFakeResend(apiKey = "re_test_key") {
  const delivered: FakeEmail[] = [];
  const byKey = new Map<string, string>();
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  let requests = 0;
  let delayMs = 0;

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      requests++;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${apiKey}`) return send(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
      if (req.method !== "POST" || req.url !== "/emails") return send(404, { statusCode: 404, name: "not_found", message: "Not found" });
      if (failures.remaining > 0) {
        failures.remaining--;
        return send(failures.status, { statusCode: failures.status, name: "internal_server_error", message: "Injected failure" });
      }
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      if (key && byKey.has(key)) return send(200, { id: byKey.get(key) });
      const payload = JSON.parse(body) as Omit<FakeEmail, "id" | "idempotencyKey"> & { to: string | string[] };
      const id = randomUUID();
      if (key) byKey.set(key, id);
      delivered.push({ ...payload, to: Array.isArray(payload.to) ? payload.to : [payload.to], id, idempotencyKey: key });
      send(200, { id });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    delivered,
    get requests() {
      return requests;
    },
    /** Answer every request this much later (a slow provider). */
    setDelay(ms: number) {
      delayMs = ms;
    },
    failNext(count: number, status = 500) {
      failures = { remaining: count, status };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
