/**
 * A local stand-in for the parts of Stripe's API the app uses, speaking its wire format:
 * bearer auth, form-encoded bodies (`a[b][0][c]=…`), JSON responses and Stripe-shaped errors,
 * the `Stripe-Account` header (Connect: objects belong to a connected account) and
 * `Idempotency-Key` (same key + same body → the same response; a different body → 400).
 *
 * Objects: accounts (create, retrieve), account links, checkout sessions (create, retrieve,
 * expire), payment intents (retrieve), refunds (create). It also serves the hosted pages a
 * browser visits: Checkout (`session.url`: "Pay" completes it, sends signed
 * `checkout.session.completed` + `payment_intent.succeeded` to the app's webhook, then redirects
 * to success_url) and Connect onboarding (`account_link.url`: flips charges_enabled, sends
 * `account.updated`, redirects to return_url). Webhooks are signed with the real scheme
 * (`stripe.webhooks.generateTestHeaderString`).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Obj = Record<string, unknown>;
export type FakeEvent = { id: string; object: "event"; type: string; account: string | null; created: number; api_version: string; livemode: false; pending_webhooks: number; request: { id: null; idempotency_key: null }; data: { object: Obj } };
export type Delivery = { eventId: string; type: string; status: number };

const rid = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

/** Parses Stripe's form encoding (`metadata[invoiceId]=…`, `line_items[0][quantity]=1`) into nested objects/arrays. */
export function parseStripeForm(body: string): Obj {
  const root: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((p, i) => p !== "" || i === 0);
    let node: Obj = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= {};
      node = node[part] as Obj;
    });
  }
  const arrays = (v: unknown): unknown => {
    if (!v || typeof v !== "object") return v;
    const o = v as Obj;
    const keys = Object.keys(o);
    if (keys.length && keys.every((k) => /^\d+$/.test(k))) return keys.sort((a, b) => +a - +b).map((k) => arrays(o[k]));
    return Object.fromEntries(keys.map((k) => [k, arrays(o[k])]));
  };
  return arrays(root) as Obj;
}

function html(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#111}button{font-size:1rem;padding:.75rem 1.5rem;background:#635bff;color:#fff;border:0;border-radius:6px;cursor:pointer}a{color:#3730a3}</style></head>
<body><main>${body}</main></body></html>`;
}

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type FakeStripeOptions = { apiKey?: string; webhookSecret?: string; webhookUrl?: string; port?: number };

export async function startFakeStripe(opts: FakeStripeOptions = {}) {
  const apiKey = opts.apiKey ?? "sk_test_fake_platform_key";
  const webhookSecret = opts.webhookSecret ?? "whsec_fake_stripe_webhook_secret";
  let webhookUrl = opts.webhookUrl ?? null;
  let base = "";

  const accounts = new Map<string, Obj>();
  const accountLinks = new Map<string, Obj & { account: string }>();
  const sessions = new Map<string, Obj & { _account: string }>();
  const paymentIntents = new Map<string, Obj & { _account: string }>();
  const refunds = new Map<string, Obj & { _account: string }>();
  const idempotent = new Map<string, { body: string; status: number; json: unknown }>();
  const events: FakeEvent[] = [];
  const deliveries: Delivery[] = [];
  const requests: { method: string; path: string; account: string | null; idempotencyKey: string | null; body: Obj }[] = [];

  function event(type: string, account: string | null, object: Obj): FakeEvent {
    const e: FakeEvent = {
      id: rid("evt"),
      object: "event",
      type,
      account,
      created: now(),
      api_version: "2026-10-28.endive",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: JSON.parse(JSON.stringify(object, (k, v) => (k.startsWith("_") ? undefined : v))) as Obj },
    };
    events.push(e);
    return e;
  }

  /** Signs and POSTs an event (or any payload string) to the app's webhook, as Stripe does. */
  async function deliver(e: FakeEvent | string, signWith = webhookSecret): Promise<Delivery> {
    if (!webhookUrl) throw new Error("fake Stripe has no webhook URL");
    const payload = typeof e === "string" ? e : JSON.stringify(e);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: signWith });
    const res = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
    await res.text();
    const parsed = JSON.parse(payload) as { id?: string; type?: string };
    const d = { eventId: parsed.id ?? "", type: parsed.type ?? "", status: res.status };
    deliveries.push(d);
    return d;
  }

  /** Marks a session paid: creates its payment intent and the two events (not delivered). */
  function completeCheckout(sessionId: string): { session: Obj; paymentIntent: Obj; events: FakeEvent[] } {
    const s = sessions.get(sessionId);
    if (!s) throw new Error(`no such session ${sessionId}`);
    if (s.status !== "open") throw new Error(`session ${sessionId} is ${String(s.status)}`);
    const pi: Obj & { _account: string } = {
      id: rid("pi"),
      object: "payment_intent",
      amount: s.amount_total,
      amount_received: s.amount_total,
      currency: s.currency,
      status: "succeeded",
      latest_charge: rid("ch"),
      metadata: ((s.payment_intent_data as Obj | undefined)?.metadata as Obj | undefined) ?? {},
      created: now(),
      livemode: false,
      _account: s._account,
    };
    paymentIntents.set(pi.id as string, pi);
    Object.assign(s, { status: "complete", payment_status: "paid", payment_intent: pi.id });
    const evs = [event("checkout.session.completed", s._account, s), event("payment_intent.succeeded", s._account, pi)];
    return { session: s, paymentIntent: pi, events: evs };
  }

  function createRefund(account: string, params: Obj): Obj {
    const pi = paymentIntents.get(String(params.payment_intent ?? ""));
    if (!pi || pi._account !== account) throw Object.assign(new Error("No such payment_intent"), { status: 404 });
    const already = [...refunds.values()].filter((r) => r.payment_intent === pi.id).reduce((a, r) => a + Number(r.amount), 0);
    const amount = params.amount ? Number(params.amount) : Number(pi.amount) - already;
    if (amount <= 0 || already + amount > Number(pi.amount)) throw Object.assign(new Error("Refund amount exceeds the charge"), { status: 400 });
    const r: Obj & { _account: string } = {
      id: rid("re"),
      object: "refund",
      amount,
      currency: pi.currency,
      payment_intent: pi.id,
      charge: pi.latest_charge,
      reason: params.reason ?? null,
      status: "succeeded",
      created: now(),
      metadata: params.metadata ?? {},
      _account: account,
    };
    refunds.set(r.id as string, r);
    return r;
  }

  function refundEvents(r: Obj & { _account: string }): FakeEvent[] {
    const pi = paymentIntents.get(String(r.payment_intent))!;
    const all = [...refunds.values()].filter((x) => x.payment_intent === pi.id);
    const charge = {
      id: pi.latest_charge,
      object: "charge",
      amount: pi.amount,
      amount_refunded: all.reduce((a, x) => a + Number(x.amount), 0),
      payment_intent: pi.id,
      refunded: all.reduce((a, x) => a + Number(x.amount), 0) >= Number(pi.amount),
      refunds: { object: "list", data: all.map((x) => ({ ...x, _account: undefined })), has_more: false },
    };
    return [event("refund.created", r._account, r), event("charge.refunded", r._account, charge)];
  }

  function completeOnboarding(accountId: string): FakeEvent {
    const a = accounts.get(accountId);
    if (!a) throw new Error(`no such account ${accountId}`);
    Object.assign(a, { charges_enabled: true, details_submitted: true, payouts_enabled: true });
    return event("account.updated", accountId, a);
  }

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      void handle(req, res, raw).catch((err: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { type: "api_error", message: String((err as Error)?.message ?? err) } }));
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", base);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": rid("req") });
      res.end(JSON.stringify(json, (k, v) => (k.startsWith("_") ? undefined : v)));
    };
    const page = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    const redirect = (to: string) => {
      res.writeHead(303, { location: to });
      res.end();
    };
    const fail = (status: number, message: string, type = "invalid_request_error", code?: string) => send(status, { error: { type, message, ...(code ? { code } : {}) } });

    // Hosted pages (what a browser sees).
    let m: RegExpMatchArray | null;
    if ((m = url.pathname.match(/^\/hosted\/checkout\/([\w]+)$/)) && req.method === "GET") {
      const s = sessions.get(m[1]!);
      if (!s) return page(404, html("Not found", "<h1>Checkout session not found</h1>"));
      if (s.status !== "open") return page(410, html("Checkout", `<h1>This checkout is ${esc(s.status)}</h1>`));
      const amount = (Number(s.amount_total) / 100).toLocaleString("en-GB", { style: "currency", currency: String(s.currency).toUpperCase() });
      const item = ((s.line_items as Obj[] | undefined)?.[0]?.price_data as Obj | undefined)?.product_data as Obj | undefined;
      return page(
        200,
        html(
          "Fake Stripe Checkout",
          `<p>Fake Stripe Checkout (test mode)</p><h1>Pay ${esc(amount)}</h1><p>${esc(item?.name)}</p>
<form method="post" action="/hosted/checkout/${esc(s.id)}/pay"><button type="submit">Pay</button></form>
<p><a href="${esc(s.cancel_url)}">Cancel and go back</a></p>`,
        ),
      );
    }
    if ((m = url.pathname.match(/^\/hosted\/checkout\/([\w]+)\/pay$/)) && req.method === "POST") {
      const s = sessions.get(m[1]!);
      if (!s || s.status !== "open") return page(410, html("Checkout", "<h1>This checkout can no longer be paid</h1>"));
      const done = completeCheckout(s.id as string);
      for (const e of done.events) await deliver(e);
      return redirect(String(s.success_url).replace("{CHECKOUT_SESSION_ID}", String(s.id)));
    }
    if ((m = url.pathname.match(/^\/hosted\/onboarding\/([\w]+)$/))) {
      const link = accountLinks.get(m[1]!);
      if (!link) return page(404, html("Not found", "<h1>Link not found</h1>"));
      if (req.method === "GET") {
        return page(200, html("Fake Stripe onboarding", `<p>Fake Stripe (test mode)</p><h1>Set up payments</h1><p>Account ${esc(link.account)}</p>
<form method="post"><button type="submit">Complete onboarding</button></form><p><a href="${esc(link.refresh_url)}">Start again</a></p>`));
      }
      await deliver(completeOnboarding(link.account));
      return redirect(String(link.return_url));
    }

    // The API.
    if (!url.pathname.startsWith("/v1/")) return fail(404, "Unrecognized request URL.");
    if (req.headers.authorization !== `Bearer ${apiKey}`) return fail(401, "Invalid API Key provided.", "invalid_request_error", "api_key_invalid");
    const account = (req.headers["stripe-account"] as string | undefined) ?? null;
    const idemKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const params = raw ? parseStripeForm(raw) : Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? "GET", path: url.pathname, account, idempotencyKey: idemKey, body: params });

    const cacheKey = idemKey && req.method === "POST" ? `${account ?? "platform"}:${idemKey}` : null;
    if (cacheKey) {
      const hit = idempotent.get(cacheKey);
      if (hit) {
        if (hit.body !== raw) return fail(400, "Keys for idempotent requests can only be used with the same parameters they were first used with.", "idempotency_error");
        res.setHeader("idempotent-replayed", "true");
        return send(hit.status, hit.json);
      }
    }
    const reply = (status: number, json: unknown) => {
      if (cacheKey && status < 500) idempotent.set(cacheKey, { body: raw, status, json: JSON.parse(JSON.stringify(json, (k, v) => (k.startsWith("_") ? undefined : v))) });
      send(status, json);
    };
    const needAccount = () => {
      if (!account || !accounts.has(account)) {
        fail(account ? 403 : 400, account ? `The provided key does not have access to account '${account}'.` : "This call must be made on a connected account.", "invalid_request_error", "account_invalid");
        return false;
      }
      return true;
    };

    try {
      if (url.pathname === "/v1/accounts" && req.method === "POST") {
        const a: Obj = {
          id: rid("acct"),
          object: "account",
          type: params.type ?? "express",
          country: params.country ?? "GB",
          email: params.email ?? null,
          default_currency: "gbp",
          charges_enabled: false,
          payouts_enabled: false,
          details_submitted: false,
          business_profile: params.business_profile ?? {},
          metadata: params.metadata ?? {},
          created: now(),
        };
        accounts.set(a.id as string, a);
        return reply(200, a);
      }
      if ((m = url.pathname.match(/^\/v1\/accounts\/([\w]+)$/)) && req.method === "GET") {
        const a = accounts.get(m[1]!);
        return a ? send(200, a) : fail(404, `No such account: '${m[1]}'`, "invalid_request_error", "resource_missing");
      }
      if (url.pathname === "/v1/account_links" && req.method === "POST") {
        const acct = String(params.account ?? "");
        if (!accounts.has(acct)) return fail(400, `No such account: '${acct}'`, "invalid_request_error", "resource_missing");
        const id = rid("al");
        const link = { object: "account_link", created: now(), expires_at: now() + 300, url: `${base}/hosted/onboarding/${id}`, account: acct, return_url: params.return_url, refresh_url: params.refresh_url };
        accountLinks.set(id, link);
        return reply(200, { object: link.object, created: link.created, expires_at: link.expires_at, url: link.url });
      }
      if (url.pathname === "/v1/checkout/sessions" && req.method === "POST") {
        if (!needAccount()) return;
        const items = (params.line_items as Obj[] | undefined) ?? [];
        const amount = items.reduce((sum, li) => sum + Number((li.price_data as Obj | undefined)?.unit_amount ?? 0) * Number(li.quantity ?? 1), 0);
        if (!items.length || amount <= 0) return fail(400, "line_items must contain a positive amount.", "invalid_request_error", "parameter_invalid_integer");
        if (!params.success_url) return fail(400, "Missing required param: success_url.", "invalid_request_error", "parameter_missing");
        const id = rid("cs");
        const s: Obj & { _account: string } = {
          id,
          object: "checkout.session",
          mode: params.mode ?? "payment",
          status: "open",
          payment_status: "unpaid",
          amount_total: amount,
          currency: String((items[0]!.price_data as Obj).currency ?? "gbp"),
          customer_email: params.customer_email ?? null,
          client_reference_id: params.client_reference_id ?? null,
          metadata: params.metadata ?? {},
          payment_intent: null,
          payment_intent_data: params.payment_intent_data ?? {},
          line_items: items,
          success_url: params.success_url,
          cancel_url: params.cancel_url ?? null,
          expires_at: params.expires_at ? Number(params.expires_at) : now() + 24 * 3600,
          created: now(),
          livemode: false,
          url: `${base}/hosted/checkout/${id}`,
          _account: account!,
        };
        sessions.set(id, s);
        return reply(200, s);
      }
      if ((m = url.pathname.match(/^\/v1\/checkout\/sessions\/([\w]+)(\/expire)?$/))) {
        if (!needAccount()) return;
        const s = sessions.get(m[1]!);
        if (!s || s._account !== account) return fail(404, `No such checkout.session: '${m[1]}'`, "invalid_request_error", "resource_missing");
        if (m[2] && req.method === "POST") {
          if (s.status !== "open") return fail(400, `Only Checkout Sessions with a status of open can be expired.`);
          Object.assign(s, { status: "expired", url: null });
          return reply(200, s);
        }
        if (req.method === "GET") return send(200, s);
      }
      if ((m = url.pathname.match(/^\/v1\/payment_intents\/([\w]+)$/)) && req.method === "GET") {
        if (!needAccount()) return;
        const pi = paymentIntents.get(m[1]!);
        return pi && pi._account === account ? send(200, pi) : fail(404, `No such payment_intent: '${m[1]}'`, "invalid_request_error", "resource_missing");
      }
      if (url.pathname === "/v1/refunds" && req.method === "POST") {
        if (!needAccount()) return;
        return reply(200, createRefund(account!, params));
      }
      return fail(404, `Unrecognized request URL (${req.method}: ${url.pathname}).`);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      return fail(status, (err as Error).message);
    }
  }

  await new Promise<void>((r) => server.listen(opts.port ?? 0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    apiKey,
    webhookSecret,
    accounts,
    sessions,
    paymentIntents,
    refunds,
    events,
    deliveries,
    requests,
    setWebhookUrl(u: string) {
      webhookUrl = u;
    },
    deliver,
    completeCheckout,
    completeOnboarding,
    /** A refund as if made in the Stripe dashboard: returns its `refund.created` and `charge.refunded` events (not delivered). */
    refund(accountId: string, paymentIntentId: string, amount?: number) {
      const r = createRefund(accountId, { payment_intent: paymentIntentId, ...(amount ? { amount } : {}) }) as Obj & { _account: string };
      return { refund: r, events: refundEvents(r) };
    },
    /** An account already onboarded (for tests that start from a connected company). */
    createReadyAccount(): string {
      const id = rid("acct");
      accounts.set(id, { id, object: "account", type: "express", country: "GB", default_currency: "gbp", charges_enabled: true, payouts_enabled: true, details_submitted: true, metadata: {}, created: now() });
      return id;
    },
    /** An event of any type (for out-of-order and unknown-type tests). */
    event,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
