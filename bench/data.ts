/**
 * `npm run bench:data [-- --scale 0.001] [--seed 42]`: a deterministic, realistic multi-tenant
 * dataset for the performance harness, in its own database (never the dev one).
 *
 *  - Database: BENCH_DATABASE_URL, else DATABASE_URL's server with the database `quantract_bench`.
 *    It is dropped, recreated and migrated with the project's own tooling (applyMigrationsWasm).
 *  - 200 companies of uneven size: one large tenant (~40% of the rows), one of 10k and one of 1k
 *    clients (the scale curve), 197 more with a long-tail size distribution; plus a "scale-400k"
 *    tenant holding 400k clients only (the top of the scale curve; no documents).
 *  - Per client: contacts, sites, quotes with lines, jobs (from accepted quotes and direct) with
 *    budget lines, engineers and visits, invoices with lines and payments, audit events; dates over
 *    three years before a fixed anchor day; status mixes that age realistically (old invoices paid,
 *    some overdue, recent quotes still open).
 *  - Invariants kept: composite tenant foreign keys; gapless per-company numbers (Q-/JOB-/INV-, in
 *    creation/issue order, with Counter rows); quote and invoice totals from the project's pure money
 *    functions (computeTotals / invoiceTotals); paidPence equal to the payments; searchText built by
 *    the clients module's buildSearchText.
 *  - Deterministic: one seeded PRNG (mulberry32) drives every choice, and uuid v7 ids take their
 *    time from the row's createdAt and their random bits from the same PRNG.
 *  - For each benchmarked tenant: an ADMIN user with a live session whose token is derived from the
 *    seed; the tokens and sample ids are stored in the table bench_meta of the bench database.
 * Bulk inserts: multi-row INSERT … SELECT FROM unnest($1::uuid[], …) in batches (no extra dependency).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { applyMigrationsWasm } from "../scripts/lib/schema-engine.ts";
import { createDatabaseIfMissing, dropDatabase, parseDatabaseUrl } from "../scripts/lib/database.ts";
import { benchDatabaseUrl, loadBenchEnv } from "./config.ts";
import { buildSearchText } from "../src/modules/clients/clients.search.ts";
import { computeTotals, defaultChoice, vatOn } from "../src/modules/pricing/pricing.ts";
import { toPriceLine, type StoredLine } from "../src/modules/quotes/quote-lines.ts";
import { invoiceTotals } from "../src/modules/invoices/invoice-money.ts";
import { formatDocumentNumber } from "../src/modules/numbering/numbering.ts";

// ---------------------------------------------------------------------------------------------
// Options

export type DataOptions = { scale: number; seed: number; databaseUrl: string; log?: (line: string) => void };

const DAY = 86_400_000;
/** Every date is relative to this fixed Monday, so a seed always gives the same rows. */
export const ANCHOR = Date.parse("2026-11-23T00:00:00Z");
const HISTORY_DAYS = 3 * 365;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Picks a key by weight: [["PAID", 90], ["ISSUED", 10]]. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  }
  uuid7(ms: number): string {
    const b = Buffer.alloc(16);
    b.writeUIntBE(Math.max(0, Math.floor(ms)), 0, 6);
    for (let i = 6; i < 16; i++) b[i] = Math.floor(this.next() * 256);
    b[6] = (b[6]! & 0x0f) | 0x70;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** The session token of a benchmarked tenant's admin: derived from the seed, so `bench` can rebuild it. */
export function benchSessionToken(seed: number, slug: string): string {
  return createHash("sha256").update(`quantract-bench:${seed}:${slug}`).digest("base64url");
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const FIRST = ["James", "Olivia", "Amelia", "Noah", "Isla", "Oliver", "George", "Ava", "Harry", "Mia", "Jack", "Sophie", "Leo", "Grace", "Arthur", "Freya", "Charlie", "Lily", "Thomas", "Emily", "Oscar", "Ella", "Henry", "Ruby", "William", "Chloe", "Alfie", "Poppy", "Joshua", "Evie", "Mohammed", "Aisha", "Daniel", "Hannah", "Samuel", "Zara", "Ethan", "Erin", "Lucas", "Megan"];
const LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell"];
const ORG_SUFFIX = ["Properties Ltd", "Lettings", "Developments Ltd", "Housing Association", "Estates", "Facilities Ltd", "Holdings Ltd", "Property Management", "Builders Ltd", "& Sons"];
const STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane", "Green Lane", "Manor Road", "Queens Road", "New Street", "Albert Road", "Kings Road", "The Crescent", "Chapel Street", "Oxford Road"];
const TOWNS: readonly (readonly [string, readonly string[]])[] = [
  ["Manchester", ["M1", "M4", "M14", "M20", "M21"]],
  ["Leeds", ["LS1", "LS6", "LS8", "LS17"]],
  ["Birmingham", ["B1", "B15", "B13", "B29"]],
  ["London", ["SW1A", "SE15", "N1", "E8", "NW3", "W4"]],
  ["Bristol", ["BS1", "BS6", "BS8"]],
  ["Sheffield", ["S1", "S10", "S11"]],
  ["Nottingham", ["NG1", "NG5", "NG7"]],
  ["Liverpool", ["L1", "L15", "L18"]],
];
const LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
const LABOUR = ["Electrician labour", "Plumber labour", "Apprentice labour", "Gas engineer labour", "Testing and inspection"];
const MATERIALS = ["Consumer unit (10-way)", "Twin and earth cable 2.5mm (100m)", "LED downlights (pack of 6)", "Combi boiler", "Radiator 600x1000", "Copper pipe 15mm (3m)", "RCBO 32A", "Smoke alarm (mains)", "Outdoor socket", "Thermostatic radiator valve"];
const FIXED = ["EICR (up to 10 circuits)", "Boiler service", "Gas safety certificate", "Consumer unit replacement", "EV charger installation", "Fault finding call-out"];
const TITLES = ["Consumer unit upgrade", "Full rewire", "Boiler replacement", "Annual boiler service", "EICR for landlord", "Kitchen electrics", "Bathroom plumbing", "EV charger install", "Fault finding", "Radiator replacement", "Outdoor lighting", "Smoke alarm upgrade"];

// ---------------------------------------------------------------------------------------------
// Batched inserts

type Col = { name: string; type: string; cast?: string };

class Table {
  rows: unknown[][];
  count = 0;
  constructor(
    readonly name: string,
    readonly cols: Col[],
  ) {
    this.rows = cols.map(() => []);
  }
  get size() {
    return this.rows[0]!.length;
  }
  add(...values: unknown[]) {
    if (values.length !== this.cols.length) throw new Error(`${this.name}: ${values.length} values for ${this.cols.length} columns`);
    for (let i = 0; i < values.length; i++) this.rows[i]!.push(values[i]);
  }
  async flush(c: pg.Client) {
    if (!this.size) return;
    const names = this.cols.map((col) => `"${col.name}"`).join(", ");
    const params = this.cols.map((col, i) => `$${i + 1}::${col.type}[]`).join(", ");
    const selects = this.cols.map((col, i) => (col.cast ? `u.c${i}::${col.cast}` : `u.c${i}`)).join(", ");
    const alias = this.cols.map((_, i) => `c${i}`).join(", ");
    await c.query(`INSERT INTO "${this.name}" (${names}) SELECT ${selects} FROM unnest(${params}) AS u(${alias})`, this.rows);
    this.count += this.size;
    this.rows = this.cols.map(() => []);
  }
}

const cols = (spec: string): Col[] =>
  spec.split(",").map((s) => {
    const [name, type, cast] = s.trim().split(":");
    return { name: name!, type: type!, cast };
  });

const ts = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");
const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, "")}"`).join(",")}}`;

function tables() {
  return {
    company: new Table("Company", cols("id:uuid,name:text,slug:text,status:text:\"CompanyStatus\",createdAt:timestamp,updatedAt:timestamp")),
    user: new Table("User", cols("id:uuid,email:text,name:text,createdAt:timestamp,updatedAt:timestamp")),
    membership: new Table("CompanyMembership", cols("id:uuid,companyId:uuid,userId:uuid,role:text:\"Role\",createdAt:timestamp,updatedAt:timestamp")),
    session: new Table("Session", cols("id:uuid,tokenHash:text,userId:uuid,activeCompanyId:uuid,createdAt:timestamp,lastSeenAt:timestamp,idleExpiresAt:timestamp,absoluteExpiresAt:timestamp")),
    counter: new Table("Counter", cols("id:uuid,companyId:uuid,key:text,value:int4,updatedAt:timestamp")),
    client: new Table(
      "Client",
      cols("id:uuid,companyId:uuid,kind:text:\"ClientKind\",name:text,email:text,phone:text,tags:text:text[],paymentTermsDays:int4,vatRegistered:bool,searchText:text,archivedAt:timestamp,createdAt:timestamp,updatedAt:timestamp"),
    ),
    contact: new Table("ClientContact", cols("id:uuid,companyId:uuid,clientId:uuid,name:text,email:text,phone:text,role:text,createdAt:timestamp,updatedAt:timestamp")),
    site: new Table("Site", cols("id:uuid,companyId:uuid,clientId:uuid,label:text,addressLine1:text,town:text,postcode:text,accessNotes:text,createdAt:timestamp,updatedAt:timestamp")),
    quote: new Table(
      "Quote",
      cols("id:uuid,companyId:uuid,number:text,clientId:uuid,siteId:uuid,title:text,status:text:\"QuoteStatus\",validUntil:date,grossPence:int4,createdById:uuid,sentAt:timestamp,viewedAt:timestamp,respondedAt:timestamp,createdAt:timestamp,updatedAt:timestamp"),
    ),
    quoteLine: new Table(
      "QuoteLine",
      cols("id:uuid,companyId:uuid,quoteId:uuid,position:int4,section:text,kind:text:\"LineKind\",description:text,quantityMilli:int4,unitPricePence:int4,markupBps:int4,discountBps:int4,vatRateBps:int4"),
    ),
    job: new Table(
      "Job",
      cols("id:uuid,companyId:uuid,number:text,clientId:uuid,siteId:uuid,quoteId:uuid,title:text,scope:text,status:text:\"JobStatus\",estimatedMinutes:int4,budgetNetPence:int4,cancelledReason:text,completedAt:timestamp,completedById:uuid,createdById:uuid,createdAt:timestamp,updatedAt:timestamp"),
    ),
    budgetLine: new Table(
      "JobBudgetLine",
      cols("id:uuid,companyId:uuid,jobId:uuid,position:int4,section:text,kind:text:\"LineKind\",description:text,quantityMilli:int4,unitPricePence:int4,discountBps:int4,vatRateBps:int4,netPence:int4"),
    ),
    assignment: new Table("JobAssignment", cols("id:uuid,companyId:uuid,jobId:uuid,engineerId:uuid,createdAt:timestamp")),
    visit: new Table("ScheduleEntry", cols("id:uuid,companyId:uuid,jobId:uuid,engineerId:uuid,startsAt:timestamp,endsAt:timestamp,notes:text,createdById:uuid,createdAt:timestamp,updatedAt:timestamp")),
    invoice: new Table(
      "Invoice",
      cols(
        "id:uuid,companyId:uuid,number:text,kind:text:\"InvoiceKind\",status:text:\"InvoiceStatus\",clientId:uuid,siteId:uuid,quoteId:uuid,jobId:uuid,title:text,issueDate:date,supplyDate:date,dueDate:date,paymentTermsDays:int4,netPence:int4,vatPence:int4,grossPence:int4,payablePence:int4,paidPence:int4,createdById:uuid,issuedAt:timestamp,sentAt:timestamp,paidAt:timestamp,voidedAt:timestamp,voidReason:text,createdAt:timestamp,updatedAt:timestamp",
      ),
    ),
    invoiceLine: new Table(
      "InvoiceLine",
      cols("id:uuid,companyId:uuid,invoiceId:uuid,position:int4,section:text,kind:text:\"LineKind\",description:text,quantityMilli:int4,unitPricePence:int4,discountBps:int4,vatRateBps:int4,netPence:int4,vatPence:int4,sourceType:text,sourceId:uuid"),
    ),
    payment: new Table("Payment", cols("id:uuid,companyId:uuid,invoiceId:uuid,method:text:\"PaymentMethod\",status:text:\"PaymentStatus\",amountPence:int4,receivedOn:date,reference:text,recordedById:uuid,createdAt:timestamp")),
    audit: new Table("AuditEvent", cols("id:uuid,companyId:uuid,actorId:uuid,entityType:text,entityId:text,action:text,after:text:jsonb,createdAt:timestamp")),
  };
}
type Tables = ReturnType<typeof tables>;

// ---------------------------------------------------------------------------------------------
// Company plan

export type TenantPlan = { index: number; slug: string; name: string; clients: number; engineers: number; documents: boolean; role: "large" | "scale-1k" | "scale-10k" | "scale-400k" | "small" | null };

/** 200 companies (one large with ~40% of the clients, a 10k and a 1k one, a long tail) + the 400k scale tenant. */
export function planTenants(scale: number): TenantPlan[] {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const large = n(24_000);
  const tailTotal = n(25_000);
  const tailWeights = Array.from({ length: 197 }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  const wSum = tailWeights.reduce((a, b) => a + b, 0);
  const plans: TenantPlan[] = [
    { index: 0, slug: "bench-large", name: "Northern Electrical & Gas Ltd", clients: large, engineers: 20, documents: true, role: "large" },
    { index: 1, slug: "bench-10k", name: "Midlands Heating Services", clients: n(10_000), engineers: 8, documents: true, role: "scale-10k" },
    { index: 2, slug: "bench-1k", name: "Harbour Electrical", clients: n(1_000), engineers: 3, documents: true, role: "scale-1k" },
  ];
  for (let i = 0; i < 197; i++) {
    const clients = Math.max(1, Math.round((tailTotal * tailWeights[i]!) / wSum));
    plans.push({ index: 3 + i, slug: `bench-t${String(i + 1).padStart(3, "0")}`, name: `${LAST[i % LAST.length]} ${ORG_SUFFIX[i % ORG_SUFFIX.length]!.replace(/ Ltd$/, "")} ${i + 1} Ltd`, clients, engineers: Math.min(12, 1 + Math.floor(clients / 250)), documents: true, role: null });
  }
  // The small tenant benchmarked: the first of the tail with ~60 clients (at scale 1).
  const small = plans.slice(3).find((p) => p.clients <= Math.max(1, Math.round(60 * scale))) ?? plans[plans.length - 1]!;
  small.role = "small";
  plans.push({ index: 200, slug: "bench-400k", name: "Scale Test 400k Ltd", clients: n(400_000), engineers: 1, documents: false, role: "scale-400k" });
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Generation

type QuoteDraft = { at: number; clientId: string; siteId: string | null; title: string; status: string; lines: StoredLine[]; sections: (string | null)[]; gross: number; lineNet: number[]; sentAt: number | null; viewedAt: number | null; respondedAt: number | null };

function makeLines(rng: Rng, count: number): { lines: StoredLine[]; sections: (string | null)[] } {
  const lines: StoredLine[] = [];
  const sections: (string | null)[] = [];
  for (let p = 0; p < count; p++) {
    const kind = rng.weighted([["LABOUR", 35], ["MATERIALS", 45], ["FIXED", 20]] as const);
    const vat = rng.weighted([[2000, 88], [500, 6], [0, 4], [null, 2]] as const);
    const line: StoredLine = {
      id: "",
      kind,
      quantityMilli: kind === "LABOUR" ? rng.int(2, 32) * 500 : kind === "MATERIALS" ? rng.int(1, 20) * 1000 : 1000,
      unitPricePence: kind === "LABOUR" ? rng.int(40, 70) * 100 : kind === "MATERIALS" ? rng.int(2, 2500) * 10 : rng.int(90, 3500) * 100,
      markupBps: kind === "MATERIALS" ? rng.pick([0, 1000, 1500, 2000]) : 0,
      discountBps: rng.chance(0.08) ? rng.pick([500, 1000]) : 0,
      vatRateBps: vat,
      placement: "BASE",
      groupName: null,
      optionName: null,
      addonName: null,
    };
    lines.push(line);
    sections.push(kind === "LABOUR" ? "Labour" : kind === "MATERIALS" ? "Materials" : null);
  }
  return { lines, sections };
}

const describe = (rng: Rng, kind: StoredLine["kind"]) => rng.pick(kind === "LABOUR" ? LABOUR : kind === "MATERIALS" ? MATERIALS : FIXED);

async function generateCompany(c: pg.Client, t: Tables, rng: Rng, plan: TenantPlan, seed: number, flushIfFull: () => Promise<void>, meta: Record<string, unknown>) {
  const now = Date.now();
  const companyCreated = ANCHOR - (HISTORY_DAYS + 30) * DAY;
  const companyId = rng.uuid7(companyCreated);
  t.company.add(companyId, plan.name, plan.slug, "ACTIVE", ts(companyCreated), ts(companyCreated));

  // People: an admin (the benchmark's user), an office user, engineers.
  const person = (role: string, i: number) => {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const userId = rng.uuid7(companyCreated + i);
    t.user.add(userId, `${role.toLowerCase()}${i}.${plan.slug}@bench.quantract.test`, `${first} ${last}`, ts(companyCreated), ts(companyCreated));
    t.membership.add(rng.uuid7(companyCreated + i), companyId, userId, role, ts(companyCreated), ts(companyCreated));
    return userId;
  };
  const adminId = person("ADMIN", 0);
  const officeId = person("OFFICE", 1);
  const engineers = Array.from({ length: plan.engineers }, (_, i) => person("ENGINEER", 2 + i));
  if (plan.role) {
    const token = benchSessionToken(seed, plan.slug);
    t.session.add(rng.uuid7(now), createHash("sha256").update(token).digest("hex"), adminId, companyId, ts(now), ts(now), ts(now + 365 * DAY), ts(now + 365 * DAY));
    meta[plan.role] = { companyId, slug: plan.slug, clients: plan.clients, token, quoteIds: [] as string[], jobIds: [] as string[], searchTerm: "" };
    if (plan.role === "large") {
      // An engineer's session too: the engineer portal's pages are measured as that engineer sees them.
      const engineerToken = benchSessionToken(seed, `${plan.slug}:engineer`);
      t.session.add(rng.uuid7(now), createHash("sha256").update(engineerToken).digest("hex"), engineers[0], companyId, ts(now), ts(now), ts(now + 365 * DAY), ts(now + 365 * DAY));
      Object.assign(meta[plan.role] as object, { engineerToken, engineerJobIds: [] as string[] });
    }
  }
  const engineerJobs = plan.role === "large" ? ((meta.large as { engineerJobIds: string[] }).engineerJobIds) : null;

  // Clients, their contacts and sites.
  const created = Array.from({ length: plan.clients }, () => ANCHOR - rng.int(2, HISTORY_DAYS) * DAY + rng.int(7 * 3600, 18 * 3600) * 1000).sort((a, b) => a - b);
  const quotes: QuoteDraft[] = [];
  const directJobs: { at: number; clientId: string; siteId: string | null }[] = [];
  const standaloneInvoices: { at: number; clientId: string; siteId: string | null }[] = [];
  for (let i = 0; i < plan.clients; i++) {
    const at = created[i]!;
    const id = rng.uuid7(at);
    const org = rng.chance(0.3);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const name = org ? `${last} ${rng.pick(ORG_SUFFIX)}` : `${first} ${last}`;
    const email = rng.chance(0.85) ? `${(org ? `accounts.${last}` : `${first}.${last}`).toLowerCase()}${rng.int(1, 999)}@example.com` : null;
    const phone = rng.chance(0.8) ? `07${rng.int(100, 999)} ${rng.int(100000, 999999)}` : null;
    const tags = org ? (rng.chance(0.5) ? ["landlord"] : ["commercial"]) : rng.chance(0.15) ? ["repeat"] : [];
    const contactEmails: string[] = [];
    if (plan.documents && org && rng.chance(0.5)) {
      const cf = rng.pick(FIRST);
      const cemail = `${cf.toLowerCase()}.${last.toLowerCase()}@example.org`;
      contactEmails.push(cemail);
      t.contact.add(rng.uuid7(at), companyId, id, `${cf} ${last}`, cemail, phone, rng.pick(["Property manager", "Accounts", "Facilities"]), ts(at), ts(at));
    }
    const siteIds: string[] = [];
    const postcodes: string[] = [];
    if (plan.documents) {
      const nSites = rng.weighted([[1, 80], [2, 15], [3, 5]] as const);
      for (let s = 0; s < nSites; s++) {
        const [town, outward] = rng.pick(TOWNS);
        const postcode = `${rng.pick(outward)} ${rng.int(1, 9)}${LETTERS[rng.int(0, LETTERS.length - 1)]}${LETTERS[rng.int(0, LETTERS.length - 1)]}`;
        const siteId = rng.uuid7(at);
        t.site.add(siteId, companyId, id, s === 0 ? null : rng.pick(["Rental flat", "Shop", "Office"]), `${rng.int(1, 240)} ${rng.pick(STREETS)}`, town, postcode, rng.chance(0.2) ? "Key safe by the back door" : null, ts(at), ts(at));
        siteIds.push(siteId);
        postcodes.push(postcode);
      }
    }
    const searchText = buildSearchText({ name, email, phone, contactEmails, postcodes });
    const archivedAt = rng.chance(0.04) ? at + rng.int(30, 300) * DAY : null;
    t.client.add(id, companyId, org ? "ORGANISATION" : "PERSON", name, email, phone, pgArray(tags), org && rng.chance(0.3) ? 14 : null, org && rng.chance(0.4), searchText, archivedAt && archivedAt < ANCHOR ? ts(archivedAt) : null, ts(at), ts(at));
    t.audit.add(rng.uuid7(at), companyId, officeId, "Client", id, "client.created", JSON.stringify({ name, kind: org ? "ORGANISATION" : "PERSON" }), ts(at));

    if (!plan.documents) {
      if (t.client.size >= 5000) await flushIfFull();
      continue;
    }
    const siteId = siteIds[0] ?? null;
    const nQuotes = rng.weighted([[0, 35], [1, 45], [2, 15], [3, 5]] as const);
    for (let q = 0; q < nQuotes; q++) {
      const qAt = Math.min(ANCHOR - 3600_000, at + rng.int(0, 60) * DAY + rng.int(0, 8 * 3600) * 1000 + q * 3 * DAY);
      const recent = qAt > ANCHOR - 30 * DAY;
      const status = recent
        ? rng.weighted([["DRAFT", 30], ["SENT", 35], ["VIEWED", 20], ["ACCEPTED", 12], ["DECLINED", 3]] as const)
        : rng.weighted([["ACCEPTED", 45], ["DECLINED", 20], ["EXPIRED", 35]] as const);
      const { lines, sections } = makeLines(rng, rng.int(2, 7));
      const sentAt = status === "DRAFT" ? null : Math.min(ANCHOR - 60_000, qAt + rng.int(1, 48) * 3600_000);
      const viewedAt = sentAt && ["VIEWED", "ACCEPTED", "DECLINED"].includes(status) ? Math.min(ANCHOR - 30_000, sentAt + rng.int(1, 72) * 3600_000) : null;
      const respondedAt = viewedAt && (status === "ACCEPTED" || status === "DECLINED") ? Math.min(ANCHOR - 10_000, viewedAt + rng.int(1, 240) * 3600_000) : null;
      quotes.push({ at: qAt, clientId: id, siteId, title: rng.pick(TITLES), status, lines, sections, gross: 0, lineNet: [], sentAt, viewedAt, respondedAt });
    }
    if (rng.chance(0.12)) directJobs.push({ at: Math.min(ANCHOR - 3600_000, at + rng.int(0, 400) * DAY), clientId: id, siteId });
    if (rng.chance(0.08)) standaloneInvoices.push({ at: Math.min(ANCHOR - 3600_000, at + rng.int(0, 500) * DAY), clientId: id, siteId });
    if (t.client.size >= 5000) await flushIfFull();
  }
  if (!plan.documents) return;

  // Quotes: numbered in creation order, totals from the pricing function.
  quotes.sort((a, b) => a.at - b.at);
  type JobDraft = { id: string; at: number; clientId: string; siteId: string | null; quoteId: string | null; title: string; lines: StoredLine[]; sections: (string | null)[]; lineNet: number[] };
  const jobs: JobDraft[] = [];
  const sampleQuotes: string[] = [];
  const spareQuotes: string[] = [];
  for (let n = 0; n < quotes.length; n++) {
    const q = quotes[n]!;
    const quoteId = rng.uuid7(q.at);
    q.lines.forEach((l) => (l.id = rng.uuid7(q.at)));
    const priced = q.lines.map(toPriceLine);
    const totals = computeTotals(priced, defaultChoice(priced));
    q.gross = totals.grossPence;
    q.lineNet = totals.lines.map((l) => l.netPence);
    const last = Math.max(q.at, q.sentAt ?? 0, q.viewedAt ?? 0, q.respondedAt ?? 0);
    t.quote.add(quoteId, companyId, formatDocumentNumber("Q-", n + 1), q.clientId, q.siteId, q.title, q.status, dateOnly(q.at + 30 * DAY), q.gross, officeId, q.sentAt && ts(q.sentAt), q.viewedAt && ts(q.viewedAt), q.respondedAt && ts(q.respondedAt), ts(q.at), ts(last));
    q.lines.forEach((l, p) => t.quoteLine.add(l.id, companyId, quoteId, p, q.sections[p], l.kind, describe(rng, l.kind), l.quantityMilli, l.unitPricePence, l.markupBps, l.discountBps, l.vatRateBps));
    t.audit.add(rng.uuid7(q.at), companyId, officeId, "Quote", quoteId, "quote.created", JSON.stringify({ number: formatDocumentNumber("Q-", n + 1) }), ts(q.at));
    if (q.sentAt) t.audit.add(rng.uuid7(q.sentAt), companyId, officeId, "Quote", quoteId, "quote.sent", null, ts(q.sentAt));
    if (q.status === "ACCEPTED") {
      t.audit.add(rng.uuid7(q.respondedAt!), companyId, null, "Quote", quoteId, "quote.accepted", null, ts(q.respondedAt!));
      jobs.push({ id: "", at: Math.min(ANCHOR - 60_000, q.respondedAt! + rng.int(1, 48) * 3600_000), clientId: q.clientId, siteId: q.siteId, quoteId, title: q.title, lines: q.lines, sections: q.sections, lineNet: q.lineNet });
    }
    if (q.lines.length >= 5 && sampleQuotes.length < 50) sampleQuotes.push(quoteId);
    else if (n >= quotes.length - 50) spareQuotes.push(quoteId);
    if (t.quoteLine.size >= 5000) await flushIfFull();
  }
  for (const d of directJobs) {
    const { lines, sections } = makeLines(rng, rng.int(1, 3));
    lines.forEach((l) => (l.id = rng.uuid7(d.at)));
    const priced = lines.map(toPriceLine);
    const totals = computeTotals(priced, defaultChoice(priced));
    jobs.push({ id: "", at: d.at, clientId: d.clientId, siteId: d.siteId, quoteId: null, title: rng.pick(TITLES), lines, sections, lineNet: totals.lines.map((l) => l.netPence) });
  }

  // Jobs (numbered in creation order) with budget lines, engineers and visits.
  jobs.sort((a, b) => a.at - b.at);
  type InvoiceDraft = { at: number; clientId: string; siteId: string | null; quoteId: string | null; jobId: string | null; title: string; lines: StoredLine[]; sections: (string | null)[]; draft: boolean };
  const invoices: InvoiceDraft[] = [];
  const sampleJobs: string[] = [];
  const spareJobs: string[] = [];
  for (let n = 0; n < jobs.length; n++) {
    const j = jobs[n]!;
    j.id = rng.uuid7(j.at);
    const age = ANCHOR - j.at;
    const status =
      age > 45 * DAY
        ? rng.weighted([["INVOICED", 70], ["COMPLETED", 20], ["CANCELLED", 10]] as const)
        : rng.weighted([["SCHEDULED", 50], ["IN_PROGRESS", 25], ["ON_HOLD", 5], ["COMPLETED", 15], ["CANCELLED", 5]] as const);
    const crew = [rng.pick(engineers)];
    if (engineers.length > 1 && rng.chance(0.3)) crew.push(engineers.find((e) => e !== crew[0])!);
    const nVisits = rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
    // Open jobs are booked in the weeks around the anchor; finished ones after they were created.
    const open = status === "SCHEDULED" || status === "IN_PROGRESS" || status === "ON_HOLD";
    const firstDay = open ? ANCHOR + rng.int(-7, 20) * DAY : j.at + rng.int(1, 14) * DAY;
    let completedAt: number | null = null;
    for (let v = 0; v < nVisits; v++) {
      const day = firstDay + v * rng.int(1, 3) * DAY;
      const start = day - (day % DAY) + rng.int(16, 30) * 1800_000; // 08:00-15:00
      const end = start + rng.int(2, 8) * 1800_000;
      completedAt = end;
      t.visit.add(rng.uuid7(j.at), companyId, j.id, crew[v % crew.length], ts(start), ts(end), rng.chance(0.2) ? "Call the client 30 minutes before arriving" : null, officeId, ts(j.at), ts(j.at));
    }
    const budget = j.lineNet.reduce((s, x) => s + x, 0);
    const done = status === "COMPLETED" || status === "INVOICED";
    const updated = done ? completedAt! : j.at;
    t.job.add(j.id, companyId, formatDocumentNumber("JOB-", n + 1), j.clientId, j.siteId, j.quoteId, j.title, rng.chance(0.5) ? `${j.title}: as quoted, access arranged with the client.` : null, status, rng.int(2, 16) * 60, budget, status === "CANCELLED" ? "Client cancelled" : null, done ? ts(completedAt!) : null, done ? crew[0] : null, officeId, ts(j.at), ts(Math.min(updated, ANCHOR)));
    j.lines.forEach((l, p) => t.budgetLine.add(rng.uuid7(j.at), companyId, j.id, p, j.sections[p], l.kind, describe(rng, l.kind), l.quantityMilli, l.unitPricePence, l.discountBps, l.vatRateBps, j.lineNet[p]));
    for (const e of crew) t.assignment.add(rng.uuid7(j.at), companyId, j.id, e, ts(j.at));
    t.audit.add(rng.uuid7(j.at), companyId, officeId, "Job", j.id, j.quoteId ? "job.created_from_quote" : "job.created", null, ts(j.at));
    if (status === "INVOICED") invoices.push({ at: Math.min(ANCHOR - 60_000, completedAt! + rng.int(1, 5) * DAY), clientId: j.clientId, siteId: j.siteId, quoteId: j.quoteId, jobId: j.id, title: j.title, lines: j.lines, sections: j.sections, draft: false });
    else if (status === "COMPLETED" && age <= 45 * DAY) invoices.push({ at: Math.min(ANCHOR - 60_000, completedAt! + DAY), clientId: j.clientId, siteId: j.siteId, quoteId: j.quoteId, jobId: j.id, title: j.title, lines: j.lines, sections: j.sections, draft: true });
    if (nVisits >= 2 && j.lines.length >= 3 && sampleJobs.length < 50) sampleJobs.push(j.id);
    else if (n >= jobs.length - 50) spareJobs.push(j.id);
    if (engineerJobs && open && crew.includes(engineers[0]!) && engineerJobs.length < 5) engineerJobs.push(j.id);
    if (t.visit.size >= 5000 || t.budgetLine.size >= 5000) await flushIfFull();
  }
  for (const s of standaloneInvoices) {
    const { lines, sections } = makeLines(rng, rng.int(1, 3));
    invoices.push({ ...s, quoteId: null, jobId: null, title: rng.pick(["Call-out and repair", "Materials supplied", "Annual service"]), lines, sections, draft: s.at > ANCHOR - 20 * DAY && rng.chance(0.5) });
  }

  // Invoices: numbered in issue order (drafts unnumbered); status by age; payments match paidPence.
  invoices.sort((a, b) => a.at - b.at);
  let invoiceNo = 0;
  for (const inv of invoices) {
    const id = rng.uuid7(inv.at);
    const lineIds = inv.lines.map(() => rng.uuid7(inv.at));
    const totals = invoiceTotals(
      inv.lines.map((l, i) => ({ id: lineIds[i]!, kind: l.kind, quantityMilli: l.quantityMilli, unitPricePence: Math.round((l.unitPricePence * (10000 + l.markupBps)) / 10000), discountBps: l.discountBps, vatRateBps: l.vatRateBps })),
      { reverseCharge: false, cisRateBps: null },
    );
    const issue = inv.at;
    const due = issue + 30 * DAY;
    const overdueFor = ANCHOR - due;
    const status = inv.draft
      ? "DRAFT"
      : overdueFor > 60 * DAY
        ? rng.weighted([["PAID", 93], ["VOID", 2], ["ISSUED", 3], ["PART_PAID", 2]] as const)
        : overdueFor > 0
          ? rng.weighted([["PAID", 60], ["ISSUED", 30], ["PART_PAID", 10]] as const)
          : rng.weighted([["ISSUED", 80], ["PAID", 15], ["PART_PAID", 5]] as const);
    const number = status === "DRAFT" ? null : formatDocumentNumber("INV-", ++invoiceNo);
    const payable = totals.payablePence;
    const paid = status === "PAID" ? payable : status === "PART_PAID" ? Math.round((payable * rng.int(20, 80)) / 100) : 0;
    const paidOn = Math.min(ANCHOR - DAY, issue + rng.int(3, status === "PAID" ? 60 : 40) * DAY);
    const voided = status === "VOID" ? issue + rng.int(1, 20) * DAY : null;
    t.invoice.add(
      id, companyId, number, "STANDARD", status, inv.clientId, inv.siteId, inv.quoteId, inv.jobId, inv.title,
      status === "DRAFT" ? null : dateOnly(issue), status === "DRAFT" ? null : dateOnly(issue), status === "DRAFT" ? null : dateOnly(due), 30,
      totals.netPence, totals.vatPence, totals.grossPence, payable, paid, officeId,
      status === "DRAFT" ? null : ts(issue), status === "DRAFT" ? null : ts(issue + 600_000), status === "PAID" ? ts(paidOn) : null,
      voided ? ts(voided) : null, voided ? "Raised in error" : null, ts(inv.at), ts(Math.max(inv.at, voided ?? 0, paid ? paidOn : 0)),
    );
    inv.lines.forEach((l, p) => {
      const net = totals.lines[p]!.netPence;
      t.invoiceLine.add(lineIds[p], companyId, id, p, inv.sections[p], l.kind, describe(rng, l.kind), l.quantityMilli, totals.lines[p]!.sellUnitPence, l.discountBps, l.vatRateBps, net, l.vatRateBps === null ? 0 : vatOn(net, l.vatRateBps), inv.jobId ? "JobBudgetLine" : null, null);
    });
    if (status !== "DRAFT") t.audit.add(rng.uuid7(issue), companyId, officeId, "Invoice", id, "invoice.issued", JSON.stringify({ number }), ts(issue));
    if (paid > 0) {
      // A paid invoice sometimes came in two instalments; a part-paid one in one.
      const split = status === "PAID" && paid > 2 && rng.chance(0.2) ? [Math.floor(paid / 2), paid - Math.floor(paid / 2)] : [paid];
      split.forEach((amount, k) => {
        const on = paidOn - (split.length - 1 - k) * 7 * DAY;
        const method = rng.weighted([["BANK_TRANSFER", 60], ["CARD", 25], ["CHEQUE", 10], ["CASH", 5]] as const);
        t.payment.add(rng.uuid7(on), companyId, id, method, "SUCCEEDED", amount, dateOnly(on), method === "BANK_TRANSFER" ? (number ?? "") : null, officeId, ts(on));
        t.audit.add(rng.uuid7(on), companyId, officeId, "Invoice", id, "invoice.payment_recorded", JSON.stringify({ amountPence: amount, method }), ts(on));
      });
    }
    if (t.invoiceLine.size >= 5000 || t.audit.size >= 5000) await flushIfFull();
  }
  const counterAt = ts(ANCHOR);
  for (const [key, value] of [["quote", quotes.length], ["job", jobs.length], ["invoice", invoiceNo]] as const) {
    if (value > 0) t.counter.add(rng.uuid7(ANCHOR), companyId, key, value, counterAt);
  }
  if (plan.role && plan.role in meta) {
    const m = meta[plan.role] as { quoteIds: string[]; jobIds: string[]; searchTerm: string };
    // Detail pages rotate over up to 50 documents (with several lines/visits where the tenant has them).
    m.quoteIds = [...sampleQuotes, ...spareQuotes].slice(0, 50);
    m.jobIds = [...sampleJobs, ...spareJobs].slice(0, 50);
  }
}

// ---------------------------------------------------------------------------------------------

export async function generateDataset(opts: DataOptions): Promise<{ rows: Record<string, number>; total: number; seconds: number }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const { name } = parseDatabaseUrl(opts.databaseUrl);
  const dev = process.env.DATABASE_URL ? parseDatabaseUrl(process.env.DATABASE_URL).name : null;
  if (dev && name === dev && !process.env.BENCH_ALLOW_DEV_DB) throw new Error(`Refusing to generate benchmark data into the development database "${name}".`);

  await dropDatabase(opts.databaseUrl);
  await createDatabaseIfMissing(opts.databaseUrl);
  await applyMigrationsWasm(opts.databaseUrl);
  log(`Migrated ${name} (${((performance.now() - started) / 1000).toFixed(1)} s).`);

  const c = new pg.Client({ connectionString: opts.databaseUrl });
  await c.connect();
  try {
    await c.query("SET synchronous_commit = off");
    await c.query("SET TimeZone = 'UTC'");
    await c.query("SET maintenance_work_mem = '256MB'");
    // GIN indexes (the clients search's trigram index) build far faster once than row by row:
    // drop them for the load and recreate them from their own definitions afterwards.
    const { rows: ginIndexes } = await c.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%'`);
    for (const i of ginIndexes) await c.query(`DROP INDEX "${i.indexname}"`);
    const t = tables();
    const order = Object.values(t);
    const flushAll = async () => {
      for (const table of order) await table.flush(c);
    };
    const rng = new Rng(opts.seed);
    const meta: Record<string, unknown> = {};
    const plans = planTenants(opts.scale);
    for (const plan of plans) {
      await generateCompany(c, t, rng, plan, opts.seed, flushAll, meta);
      if (plan.index === 0 || plan.index === 200) log(`  ${plan.slug}: ${plan.clients} clients (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    await flushAll();
    for (const i of ginIndexes) {
      log(`Building ${i.indexname}…`);
      await c.query(i.indexdef);
    }

    // The clients search term benchmarked: the commonest surname (a page and a next page exist).
    const large = meta.large as { searchTerm: string };
    large.searchTerm = "smith";
    await c.query(`CREATE TABLE bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await c.query(`INSERT INTO bench_meta VALUES ('dataset', $1)`, [JSON.stringify({ seed: opts.seed, scale: opts.scale, anchor: new Date(ANCHOR).toISOString(), tenants: meta })]);
    // VACUUM as well as ANALYZE: after a bulk load, autovacuum's insert-triggered pass (visibility
    // map, freezing) and the checkpointer writing a gigabyte of dirty pages would otherwise run
    // during the first benchmark and skew it (seen: a 4.5-minute checkpoint inside `npm run bench`).
    log("Vacuuming, analyzing and checkpointing…");
    await c.query("VACUUM (ANALYZE)");
    await c.query("CHECKPOINT");
    const rows = Object.fromEntries(order.map((x) => [x.name, x.count]));
    const total = order.reduce((s, x) => s + x.count, 0);
    return { rows, total, seconds: (performance.now() - started) / 1000 };
  } finally {
    await c.end();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadBenchEnv();
  const scale = Number(arg("scale") ?? 1);
  const seed = Number(arg("seed") ?? 42);
  if (!(scale > 0 && scale <= 10) || !Number.isInteger(seed)) {
    console.error("Usage: npm run bench:data -- [--scale 0.001..10] [--seed N]");
    process.exit(1);
  }
  const databaseUrl = benchDatabaseUrl();
  console.log(`Generating the benchmark dataset (scale ${scale}, seed ${seed}) into ${parseDatabaseUrl(databaseUrl).name}…`);
  generateDataset({ scale, seed, databaseUrl })
    .then(({ rows, total, seconds }) => {
      for (const [table, n] of Object.entries(rows)) console.log(`  ${table.padEnd(18)} ${String(n).padStart(9)}`);
      console.log(`  ${"total".padEnd(18)} ${String(total).padStart(9)} rows in ${seconds.toFixed(1)} s`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    });
}
