/**
 * Invoices: create (from an accepted quote — full or deposit —, from a job, or blank), edit while
 * DRAFT, issue (gapless per-company number, frozen snapshot, immutable from then on), send (PDF +
 * tokenized link through the outbox), void (never deleted). Money always comes from
 * invoice-money.ts (the pricing function underneath); payments are in payments.service.ts and
 * credit notes in credit-notes.service.ts.
 *
 * Deposits (UK VAT): a deposit is an advance payment for the supply, so it carries VAT at the
 * rates of what it pays for. The deposit (an amount including VAT) is split across the accepted
 * quote's VAT rates in proportion to their gross, and each part is one line "Deposit for Q-… "
 * at that rate (one line when the quote has one rate), with the net chosen so net + VAT matches
 * the part to the penny where the rounding allows. The later invoice for the rest ("full" mode
 * once a deposit exists, or from the job) is a FINAL invoice for the balance: per VAT rate, the
 * accepted net less the net already invoiced as deposits, so no VAT is charged twice.
 */
import type { Prisma } from "@/generated/prisma/client.ts";
import { formatDocumentNumber } from "@/modules/numbering/numbering.ts";
import { nextCounterValue } from "@/modules/numbering/counter.repo.ts";
import { isLineIncluded, vatLabel, vatOn, type Choice, type LineKind } from "@/modules/pricing/pricing.ts";
import { snapshotPriceLines, type QuoteSnapshot } from "@/modules/quotes/quote-view.ts";
import { randomToken, sha256 } from "@/server/auth/tokens.ts";
import { env } from "@/server/config/env.ts";
import { forbidden, notFound, conflict, validationFailed } from "@/server/errors/errors.ts";
import { emailJob } from "@/server/email/queue-email.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { formatDate, formatMoney } from "@/ui/format.ts";
import { auditBilling, type BillingContext } from "./billing-context.ts";
import { balanceDuePence, cisRateFor, invoiceTotals, reverseChargeApplies, reverseChargeEligibleLines, type InvoiceMoneyLine } from "./invoice-money.ts";
import { invoicePdfProps, invoiceWording, type InvoiceSnapshot } from "./invoice-snapshot.ts";
import { dueDateFor, isOverdue, settledStatus, voidRefusal } from "./invoice-status.ts";
import { lineVatRate, vatTreatmentLabel } from "./invoice-vat.ts";
import {
  deleteLines,
  findClientForInvoice,
  findCompanyForInvoice,
  findInvoice,
  findInvoiceEmails,
  findInvoicePdfs,
  findInvoices,
  findJobForInvoice,
  findQuoteForInvoice,
  findSite,
  insertLines,
  lockInvoice,
  sumInvoices,
  type InvoiceRow,
} from "./invoices.repo.ts";
import type { CreateBlankInvoiceInput, CreateFromQuoteInput, InvoiceDetail, InvoiceLineInput, InvoiceSummary, ListInvoicesQuery, UpdateInvoiceInput } from "./invoices.schema.ts";
import { paymentOutputOf } from "./payments.service.ts";

/** Capability check that also works for system contexts (no signed-in user). */
export function assertBillingCan(ctx: BillingContext, capability: "invoices.view" | "invoices.manage" | "payments.manage"): void {
  if (ctx.companyStatus === "SUSPENDED" || !ctx.capabilities.has(capability)) throw forbidden();
}

/** Today's date in the company's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A line ready to store: the input plus its VAT rate on the supply date and its priced net/VAT. */
type DraftLine = InvoiceLineInput & { sourceType?: string | null; sourceId?: string | null };

type Tax = { reverseCharge: boolean; cisRateBps: number | null };

/** Prices lines on a supply date: rates from their VAT rule windows, nets and totals from invoice-money. */
export function priceDraftLines(lines: DraftLine[], supplyDate: string, tax: Tax) {
  const rated = lines.map((l, i) => ({ ...l, id: `line-${i}`, vatRateBps: lineVatRate({ vatRuleKey: l.vatRuleKey ?? null, vatRateBps: l.vatRateBps }, supplyDate) }));
  const money: InvoiceMoneyLine[] = rated.map((l) => ({ id: l.id, kind: l.kind, quantityMilli: l.quantityMilli, unitPricePence: l.unitPricePence, discountBps: l.discountBps ?? 0, vatRateBps: l.vatRateBps }));
  const totals = invoiceTotals(money, tax);
  const rows = rated.map((l, i) => {
    const net = totals.lines[i]!.netPence;
    return {
      section: l.section ?? null,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPricePence: l.unitPricePence,
      discountBps: l.discountBps ?? 0,
      vatRateBps: l.vatRateBps,
      vatRuleKey: l.vatRuleKey ?? null,
      netPence: net,
      vatPence: l.vatRateBps === null ? 0 : vatOn(net, l.vatRateBps),
      sourceType: l.sourceType ?? null,
      sourceId: l.sourceId ?? null,
    };
  });
  return { rows, totals };
}

type ClientTaxFields = { kind: "PERSON" | "ORGANISATION"; vatRegistered: boolean; cisContractor: boolean; cisRateBps: number | null; reverseChargeEndUser: boolean };

function taxFor(company: { vatNumber: string | null }, client: ClientTaxFields, lines: { vatRateBps: number | null }[]): Tax {
  return {
    reverseCharge: reverseChargeApplies(company, client) && reverseChargeEligibleLines(lines),
    cisRateBps: cisRateFor(client),
  };
}

/** Replaces a draft's lines and totals (the only way lines ever change). */
async function writeLinesAndTotals(tx: TenantTx, ctx: BillingContext, invoiceId: string, lines: DraftLine[], supplyDate: string, company: { vatNumber: string | null }, client: ClientTaxFields) {
  const first = priceDraftLines(lines, supplyDate, { reverseCharge: false, cisRateBps: null });
  const tax = taxFor(company, client, first.rows);
  const { rows, totals } = priceDraftLines(lines, supplyDate, tax);
  await deleteLines(tx, invoiceId);
  await insertLines(tx, ctx.companyId, invoiceId, rows);
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      reverseCharge: tax.reverseCharge,
      cisRateBps: tax.cisRateBps,
      netPence: totals.netPence,
      vatPence: totals.vatPence,
      grossPence: totals.grossPence,
      cisDeductionPence: totals.cisDeductionPence,
      payablePence: totals.payablePence,
    },
  });
  return { rows, totals, tax };
}

type NewInvoice = {
  clientId: string;
  siteId?: string | null;
  quoteId?: string | null;
  jobId?: string | null;
  kind?: "STANDARD" | "DEPOSIT" | "FINAL";
  title: string;
  notes?: string | null;
  supplyDate?: string | null;
  lines: DraftLine[];
  source: string;
};

async function insertInvoice(tx: TenantTx, ctx: BillingContext, input: NewInvoice): Promise<string> {
  const client = await findClientForInvoice(tx, input.clientId);
  if (!client || client.archivedAt) throw validationFailed("Choose a client.", { clientId: "Choose a client" });
  if (input.siteId && !(await findSite(tx, client.id, input.siteId))) throw validationFailed("That site belongs to another client.", { siteId: "Choose one of this client's sites" });
  const company = await findCompanyForInvoice(tx, ctx.companyId);
  const invoice = await tx.invoice.create({
    data: {
      companyId: ctx.companyId,
      kind: input.kind ?? "STANDARD",
      clientId: client.id,
      siteId: input.siteId ?? null,
      quoteId: input.quoteId ?? null,
      jobId: input.jobId ?? null,
      title: input.title,
      notes: input.notes ?? null,
      supplyDate: input.supplyDate ? day(input.supplyDate) : null,
      createdById: ctx.user?.id ?? null,
    },
  });
  const supply = input.supplyDate ?? todayIn(company.timeZone);
  const { totals, tax } = await writeLinesAndTotals(tx, ctx, invoice.id, input.lines, supply, company, client);
  await auditBilling(tx, ctx, {
    entityType: "Invoice",
    entityId: invoice.id,
    action: "invoice.created",
    after: { source: input.source, kind: invoice.kind, clientId: client.id, quoteId: input.quoteId ?? null, jobId: input.jobId ?? null, lines: input.lines.length, grossPence: totals.grossPence, payablePence: totals.payablePence, ...tax },
  });
  return invoice.id;
}

export async function createBlankInvoice(ctx: BillingContext, input: CreateBlankInvoiceInput): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  const id = await ctx.db.$transaction((tx) => insertInvoice(tx, ctx, { ...input, source: "blank" }));
  return getInvoice(ctx, id);
}

// --- From a quote -----------------------------------------------------------------------------

type RateGroup = { rateBps: number | null; netPence: number; grossPence: number };

function groupsOf(rows: { vatRateBps: number | null; netPence: number }[]): RateGroup[] {
  const by = new Map<number | null, number>();
  for (const r of rows) by.set(r.vatRateBps, (by.get(r.vatRateBps) ?? 0) + r.netPence);
  return [...by.entries()]
    .sort(([a], [b]) => (b ?? -1) - (a ?? -1))
    .map(([rateBps, netPence]) => ({ rateBps, netPence, grossPence: netPence + (rateBps === null ? 0 : vatOn(netPence, rateBps)) }));
}

/** The net that, with VAT at the rate added, comes closest to (ideally exactly) the gross. */
export function netForGross(grossPence: number, rateBps: number | null): number {
  if (rateBps === null || rateBps === 0) return grossPence;
  const guess = Math.round((grossPence * 10000) / (10000 + rateBps));
  const candidates = [guess, guess - 1, guess + 1].filter((n) => n >= 0);
  return candidates.find((n) => n + vatOn(n, rateBps) === grossPence) ?? guess;
}

/** Splits a deposit (incl. VAT) across the VAT rates in proportion to their gross; the remainder goes to the largest part. */
export function splitDeposit(depositPence: number, groups: RateGroup[]): { rateBps: number | null; grossPence: number; netPence: number }[] {
  const total = groups.reduce((s, g) => s + g.grossPence, 0);
  if (total <= 0) return [];
  const parts = groups.map((g) => ({ rateBps: g.rateBps, grossPence: Number((BigInt(depositPence) * BigInt(g.grossPence)) / BigInt(total)) }));
  const rest = depositPence - parts.reduce((s, p) => s + p.grossPence, 0);
  const largest = parts.reduce((best, p, i) => (p.grossPence > parts[best]!.grossPence ? i : best), 0);
  parts[largest]!.grossPence += rest;
  return parts.filter((p) => p.grossPence > 0).map((p) => ({ ...p, netPence: netForGross(p.grossPence, p.rateBps) }));
}

function vatRateLiteral(rate: number | null): 2000 | 500 | 0 | null {
  if (rate === 2000 || rate === 500 || rate === 0 || rate === null) return rate;
  throw validationFailed(`A ${vatLabel(rate)} VAT rate can't be invoiced.`);
}

/**
 * A FINAL invoice after deposits: the full lines (with their kinds, so CIS is deducted on the
 * labour) and, per deposit and VAT rate, one "Less deposit" line taking off exactly the net and
 * VAT that deposit invoiced (a deduction line, see invoice-money.ts). Deposit + FINAL = the quote.
 */
export function finalLines(fullLines: DraftLine[], deposits: { number: string | null; lines: { vatRateBps: number | null; netPence: number }[] }[]): DraftLine[] {
  const less: DraftLine[] = deposits.flatMap((d) => {
    const groups = groupsOf(d.lines).filter((g) => g.netPence > 0);
    return groups.map((g) => ({
      section: null,
      kind: "FIXED" as LineKind,
      description: `Less deposit invoiced on ${d.number ?? "the draft deposit invoice"}${groups.length > 1 ? ` — items at ${vatTreatmentLabel(g.rateBps)} VAT` : ""}`,
      quantityMilli: 1000,
      unitPricePence: -g.netPence,
      discountBps: 0,
      vatRateBps: vatRateLiteral(g.rateBps),
      vatRuleKey: null,
      sourceType: DEPOSIT_DEDUCTION,
      sourceId: null,
    }));
  });
  return [...fullLines, ...less];
}

/** sourceType of the "Less deposit" lines of a FINAL invoice. */
export const DEPOSIT_DEDUCTION = "DepositDeduction";

export async function createInvoiceFromQuote(ctx: BillingContext, input: CreateFromQuoteInput): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  const id = await ctx.db.$transaction((tx) => createInvoiceFromQuoteInTx(tx, ctx, input));
  return getInvoice(ctx, id);
}

/** `createInvoiceFromQuote` inside the caller's transaction (the client's acceptance of a quote with a deposit); returns the draft's id. */
export async function createInvoiceFromQuoteInTx(tx: TenantTx, ctx: BillingContext, input: CreateFromQuoteInput): Promise<string> {
  assertBillingCan(ctx, "invoices.manage");
  await tx.$queryRaw`SELECT 1 FROM "Quote" WHERE "companyId" = ${ctx.companyId}::uuid AND "id" = ${input.quoteId}::uuid FOR UPDATE`;
  const quote = await findQuoteForInvoice(tx, input.quoteId);
  if (!quote) throw notFound();
  if (quote.status !== "ACCEPTED" || !quote.agreement) throw conflict("Only an accepted quote can be invoiced.");
  const snapshot = quote.agreement.quoteVersion.snapshot as unknown as QuoteSnapshot;
  const choice = quote.agreement.choice as Choice;
  const priced = snapshotPriceLines(snapshot.lines);
  const included = snapshot.lines.filter((_, i) => isLineIncluded(priced[i]!, choice));
  const fullLines: DraftLine[] = included.map((l) => ({
    section: l.section ?? (l.placement === "OPTION" ? `${l.groupName}: ${l.optionName}` : l.placement === "ADDON" ? `Extra: ${l.addonName}` : null),
    kind: l.kind,
    description: l.description,
    quantityMilli: l.quantityMilli,
    unitPricePence: l.sellUnitPence,
    discountBps: l.discountBps,
    vatRateBps: vatRateLiteral(l.vatRateBps),
    vatRuleKey: null,
    sourceType: "QuoteLine",
    sourceId: /^[0-9a-f-]{36}$/i.test(l.id) ? l.id : null,
  }));
  const company = await findCompanyForInvoice(tx, ctx.companyId);
  const today = todayIn(company.timeZone);
  const fullPriced = priceDraftLines(fullLines, today, { reverseCharge: false, cisRateBps: null });
  const label = `${quote.number} ${quote.title}`;
  const existing = quote.invoices.filter((i) => i.status !== "VOID");
  const deposits = existing.filter((i) => i.kind === "DEPOSIT");
  const finals = existing.filter((i) => i.kind !== "DEPOSIT");

  if (input.mode === "full") {
    if (finals.length) throw conflict(`This quote is already invoiced (${finals.map((f) => f.number ?? "draft").join(", ")}).`);
    const lines = deposits.length ? finalLines(fullLines, deposits) : fullLines;
    if (priceDraftLines(lines, today, { reverseCharge: false, cisRateBps: null }).totals.grossPence <= 0) throw conflict("The deposits already cover the whole quote.");
    return insertInvoice(tx, ctx, { clientId: quote.clientId, siteId: quote.siteId, quoteId: quote.id, kind: deposits.length ? "FINAL" : "STANDARD", title: quote.title, lines, source: "quote" });
  }

  if (finals.length) throw conflict("This quote has already been invoiced in full.");
  const accepted = fullPriced.totals.grossPence;
  const depositBps = input.depositBps ?? (input.depositPence === undefined ? quote.depositBps : null) ?? null;
  const depositPence = input.depositPence ?? (depositBps ? Math.round((accepted * depositBps) / 10000) : (quote.depositPence ?? null));
  if (!depositPence || depositPence <= 0) throw validationFailed("Give the deposit as a percentage or an amount.", { depositBps: "Give a percentage or an amount" });
  const already = deposits.reduce((s, d) => s + d.grossPence, 0);
  if (depositPence + already > accepted) {
    throw validationFailed(`A deposit of ${formatMoney(depositPence)} is more than the ${formatMoney(Math.max(0, accepted - already))} left on the accepted ${formatMoney(accepted)}.`, { depositPence: "More than the quote total" });
  }
  const parts = splitDeposit(depositPence, groupsOf(fullPriced.rows));
  const multi = parts.length > 1;
  const lines: DraftLine[] = parts.map((p) => ({
    section: null,
    kind: "FIXED",
    description: `Deposit for ${label}${depositBps && !input.depositPence ? ` (${depositBps / 100}% of ${formatMoney(accepted)})` : ` (of ${formatMoney(accepted)})`}${multi ? ` — items at ${vatTreatmentLabel(p.rateBps)} VAT` : ""}`,
    quantityMilli: 1000,
    unitPricePence: p.netPence,
    discountBps: 0,
    vatRateBps: vatRateLiteral(p.rateBps),
    vatRuleKey: null,
    sourceType: "Deposit",
    sourceId: null,
  }));
  return insertInvoice(tx, ctx, { clientId: quote.clientId, siteId: quote.siteId, quoteId: quote.id, kind: "DEPOSIT", title: `Deposit: ${quote.title}`, lines, source: "quote-deposit" });
}

// --- From a job -------------------------------------------------------------------------------

export async function createInvoiceFromJob(ctx: BillingContext, jobId: string): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  const id = await ctx.db.$transaction(async (tx) => {
    const job = await findJobForInvoice(tx, jobId);
    if (!job) throw notFound();
    if (job.status === "CANCELLED") throw conflict("A cancelled job can't be invoiced.");
    const open = await tx.invoice.findFirst({ where: { jobId, status: { not: "VOID" }, kind: { not: "DEPOSIT" } }, select: { number: true } });
    if (open) throw conflict(`This job is already invoiced (${open.number ?? "a draft"}).`);
    const full: DraftLine[] = job.budgetLines.map((l) => ({
      section: l.section,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPricePence: l.unitPricePence,
      discountBps: l.discountBps,
      vatRateBps: vatRateLiteral(l.vatRateBps),
      vatRuleKey: null,
      sourceType: "JobBudgetLine",
      sourceId: l.id,
    }));
    if (full.length === 0) throw conflict("This job has no budget lines to invoice yet: create a blank invoice instead.");
    const deposits = job.quoteId ? await tx.invoice.findMany({ where: { quoteId: job.quoteId, kind: "DEPOSIT", status: { not: "VOID" } }, include: { lines: true } }) : [];
    const company = await findCompanyForInvoice(tx, ctx.companyId);
    const lines = deposits.length ? finalLines(full, deposits) : full;
    if (priceDraftLines(lines, todayIn(company.timeZone), { reverseCharge: false, cisRateBps: null }).totals.grossPence <= 0) throw conflict("The deposits already cover the whole job.");
    return insertInvoice(tx, ctx, { clientId: job.clientId, siteId: job.siteId, quoteId: job.quoteId, jobId: job.id, kind: deposits.length ? "FINAL" : "STANDARD", title: `${job.number} ${job.title}`, lines, source: "job" });
  });
  return getInvoice(ctx, id);
}

// --- Edit, issue, send, void --------------------------------------------------------------------

async function lockedRow(tx: TenantTx, ctx: BillingContext, id: string): Promise<InvoiceRow> {
  if (!(await lockInvoice(tx, ctx.companyId, id))) throw notFound();
  return (await findInvoice(tx, id))!;
}

const IMMUTABLE = "An issued invoice can't be changed: issue a credit note to correct it.";

function storedLinesAsInput(inv: InvoiceRow): DraftLine[] {
  return inv.lines.map((l) => ({
    section: l.section,
    kind: l.kind,
    description: l.description,
    quantityMilli: l.quantityMilli,
    unitPricePence: l.unitPricePence,
    discountBps: l.discountBps,
    vatRateBps: vatRateLiteral(l.vatRateBps),
    vatRuleKey: (l.vatRuleKey as DraftLine["vatRuleKey"]) ?? null,
    sourceType: l.sourceType,
    sourceId: l.sourceId,
  }));
}

export async function updateInvoice(ctx: BillingContext, id: string, input: UpdateInvoiceInput): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  await ctx.db.$transaction(async (tx) => {
    const inv = await lockedRow(tx, ctx, id);
    if (inv.status !== "DRAFT") throw conflict(IMMUTABLE);
    if (input.siteId && !(await findSite(tx, inv.clientId, input.siteId))) throw validationFailed("That site belongs to another client.", { siteId: "Choose one of this client's sites" });
    const fields = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.siteId !== undefined ? { siteId: input.siteId } : {}),
      ...(input.supplyDate !== undefined ? { supplyDate: input.supplyDate ? day(input.supplyDate) : null } : {}),
    };
    await tx.invoice.update({ where: { id }, data: fields });
    const company = await findCompanyForInvoice(tx, ctx.companyId);
    const client = (await findClientForInvoice(tx, inv.clientId))!;
    const supply = (input.supplyDate !== undefined ? input.supplyDate : isoOf(inv.supplyDate)) ?? todayIn(company.timeZone);
    // The "Less deposit" lines of a FINAL invoice aren't edited: they follow the deposits.
    const kept = storedLinesAsInput(inv).filter((l) => l.sourceType === DEPOSIT_DEDUCTION);
    const { totals } = await writeLinesAndTotals(tx, ctx, id, input.lines ? [...input.lines, ...kept] : storedLinesAsInput(inv), supply, company, client);
    await auditBilling(tx, ctx, {
      entityType: "Invoice",
      entityId: id,
      action: "invoice.updated",
      before: { title: inv.title, notes: inv.notes, siteId: inv.siteId, supplyDate: isoOf(inv.supplyDate), lines: inv.lines.length, grossPence: inv.grossPence },
      after: { ...fields, lines: input.lines?.length ?? inv.lines.length, grossPence: totals.grossPence },
    });
  });
  return getInvoice(ctx, id);
}

function partyAddress(site: { addressLine1: string; addressLine2: string | null; town: string; postcode: string } | null | undefined): string[] {
  if (!site) return [];
  return [site.addressLine1, site.addressLine2, site.town, site.postcode].filter((l): l is string => !!l);
}

/**
 * Issues a draft: the next number from the company's gapless counter (same transaction), the
 * tax point and due date, VAT rates fixed by the supply date, reverse charge and CIS from the
 * client's status now, and a frozen snapshot. From here on lines and totals never change.
 * A job that is COMPLETED becomes INVOICED in the same transaction.
 */
export async function issueInvoice(ctx: BillingContext, invoiceId: string, now: Date = new Date()): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  await ctx.db.$transaction((tx) => issueInvoiceInTx(tx, ctx, invoiceId, now), ISSUE_TX);
  return getInvoice(ctx, invoiceId);
}

/**
 * `issueInvoice` inside the caller's transaction; returns the number. The company's counter row
 * stays locked until that transaction commits: the caller keeps what follows short.
 */
export async function issueInvoiceInTx(tx: TenantTx, ctx: BillingContext, invoiceId: string, now: Date = new Date()): Promise<string> {
  assertBillingCan(ctx, "invoices.manage");
  const inv = await lockedRow(tx, ctx, invoiceId);
  if (inv.status !== "DRAFT") throw conflict(inv.status === "VOID" ? "A void invoice can't be issued." : "This invoice has already been issued.");
  if (inv.lines.length === 0) throw validationFailed("Add at least one line before issuing.");
  const company = await findCompanyForInvoice(tx, ctx.companyId);
  const client = (await findClientForInvoice(tx, inv.clientId))!;
  const issueDate = todayIn(company.timeZone, now);
  const supplyDate = isoOf(inv.supplyDate) ?? issueDate;
  const { rows, totals, tax } = await writeLinesAndTotals(tx, ctx, invoiceId, storedLinesAsInput(inv), supplyDate, company, client);
  if (totals.payablePence <= 0 && totals.grossPence <= 0) throw validationFailed("An invoice for £0.00 can't be issued.");
  const termsDays = client.paymentTermsDays ?? company.paymentTermsDays;
  const dueDate = dueDateFor(issueDate, termsDays);
  const site = inv.siteId ? client.sites.find((s) => s.id === inv.siteId) : client.sites[0];
  const snapshot: InvoiceSnapshot = {
    number: "",
    kind: inv.kind,
    title: inv.title,
    notes: inv.notes,
    issueDate,
    supplyDate,
    dueDate,
    paymentTermsDays: termsDays,
    quoteNumber: inv.quote?.number ?? null,
    seller: {
      name: company.name,
      legalName: company.legalName,
      addressLines: [company.addressLine1, company.addressLine2, company.town, company.postcode].filter((l): l is string => !!l),
      vatNumber: company.vatNumber,
      companyNumber: company.companyNumber,
      email: company.email,
      phone: company.phone,
    },
    buyer: { name: client.name, addressLines: partyAddress(site), vatNumber: client.vatRegistered ? client.vatNumber : null, email: client.email },
    bank: company.bankAccountName && company.bankSortCode && company.bankAccountNumber ? { accountName: company.bankAccountName, sortCode: company.bankSortCode, accountNumber: company.bankAccountNumber } : null,
    lines: rows.map((r) => ({
      section: r.section,
      kind: r.kind,
      description: r.description,
      quantityMilli: r.quantityMilli,
      unitPricePence: r.unitPricePence,
      discountBps: r.discountBps,
      vatRateBps: r.vatRateBps,
      vatLabel: vatTreatmentLabel(r.vatRateBps),
      netPence: r.netPence,
      vatPence: r.vatPence,
    })),
    totals: {
      netPence: totals.netPence,
      vatPence: totals.vatPence,
      grossPence: totals.grossPence,
      vatByRate: totals.vatByRate,
      exemptNetPence: totals.exemptNetPence,
      labourNetPence: totals.labourNetPence,
      cisDeductionPence: totals.cisDeductionPence,
      payablePence: totals.payablePence,
    },
    reverseCharge: tax.reverseCharge,
    cisRateBps: tax.cisRateBps,
    wording: invoiceWording(tax.reverseCharge, tax.cisRateBps, rows.some((r) => r.vatRateBps === null || r.vatRateBps === 0)),
  };
  const status = settledStatus({ payablePence: totals.payablePence, paidPence: inv.paidPence, creditedPence: inv.creditedPence });
  // The number last: the counter row stays locked until commit, so as little as possible follows it.
  const number = formatDocumentNumber(company.invoicePrefix, await nextCounterValue(tx, ctx.companyId, "invoice"));
  snapshot.number = number;
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      number,
      status,
      issueDate: day(issueDate),
      supplyDate: day(supplyDate),
      dueDate: day(dueDate),
      paymentTermsDays: termsDays,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      issuedAt: now,
      ...(status === "PAID" ? { paidAt: now } : {}),
    },
  });
  if (inv.jobId) {
    const moved = await tx.job.updateMany({ where: { id: inv.jobId, status: "COMPLETED" }, data: { status: "INVOICED" } });
    if (moved.count === 1) {
      await auditBilling(tx, ctx, { entityType: "Job", entityId: inv.jobId, action: "job.invoiced", before: { status: "COMPLETED" }, after: { status: "INVOICED", invoiceId, invoiceNumber: number } });
    }
  }
  await writeOutbox(tx, {
    job: "pdf.render",
    companyId: ctx.companyId,
    idempotencyKey: `pdf:invoice:${invoiceId}`,
    payload: { companyId: ctx.companyId, document: "invoice", entityType: "Invoice", entityId: invoiceId, requestedById: ctx.user?.id, props: invoicePdfProps(snapshot) },
  });
  await auditBilling(tx, ctx, {
    entityType: "Invoice",
    entityId: invoiceId,
    action: "invoice.issued",
    before: { status: "DRAFT" },
    after: { status, number, issueDate, supplyDate, dueDate, netPence: totals.netPence, vatPence: totals.vatPence, grossPence: totals.grossPence, payablePence: totals.payablePence, reverseCharge: tax.reverseCharge, cisRateBps: tax.cisRateBps },
  });
  return number;
}

/** Issuing waits its turn for the company's counter: concurrent issues queue rather than fail. */
const ISSUE_TX = { maxWait: 30_000, timeout: 30_000 };

/** A new client link for an issued invoice, inside the caller's transaction; returns the raw token (only its hash is stored). */
export async function createInvoiceLink(tx: TenantTx, ctx: BillingContext, invoiceId: string): Promise<string> {
  const token = randomToken();
  await tx.invoiceLink.create({ data: { companyId: ctx.companyId, invoiceId, tokenHash: sha256(token) } });
  return token;
}

export function invoiceLinkUrl(token: string): string {
  return `${env().APP_URL}/i/${token}`;
}

/** Emails the invoice contacts (or the client's email) the PDF and a fresh /i/<token> link, through the outbox. */
export async function sendInvoice(ctx: BillingContext, invoiceId: string, now: Date = new Date()): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  const sent = await ctx.db.$transaction((tx) => sendInvoiceInTx(tx, ctx, invoiceId, now));
  if (!sent.sent) throw validationFailed("Add an email address for the client or one of its contacts before sending.");
  return getInvoice(ctx, invoiceId);
}

/**
 * `sendInvoice` inside the caller's transaction, with the link given (`opts.token`) or a fresh
 * one. With no email address on the client or its invoice contacts nothing is written and
 * `sent: false` comes back: the caller decides whether that is an error.
 */
export async function sendInvoiceInTx(tx: TenantTx, ctx: BillingContext, invoiceId: string, now: Date = new Date(), opts: { token?: string } = {}): Promise<{ sent: false } | { sent: true; to: string[] }> {
  assertBillingCan(ctx, "invoices.manage");
  const inv = await lockedRow(tx, ctx, invoiceId);
  if (inv.status === "DRAFT") throw conflict("Issue the invoice before sending it.");
  if (inv.status === "VOID") throw conflict("A void invoice can't be sent.");
  const client = (await findClientForInvoice(tx, inv.clientId))!;
  const recipients = client.contacts.filter((c) => c.receivesInvoices && c.email).map((c) => ({ email: c.email!, name: c.name }));
  if (recipients.length === 0 && client.email) recipients.push({ email: client.email, name: client.name });
  if (recipients.length === 0) return { sent: false };
  const snapshot = inv.snapshot as unknown as InvoiceSnapshot;
  const token = opts.token ?? (await createInvoiceLink(tx, ctx, invoiceId));
  const key = `${invoiceId}:${now.getTime()}`;
  const email = emailJob({
    companyId: ctx.companyId,
    to: recipients.map((r) => r.email),
    template: "invoice.sent",
    props: {
      contactName: recipients[0]!.name.split(" ")[0] ?? recipients[0]!.name,
      companyName: snapshot.seller.name,
      invoiceNumber: snapshot.number,
      title: snapshot.title,
      amountDue: formatMoney(balanceDuePence(inv)),
      total: formatMoney(snapshot.totals.payablePence),
      dueDate: formatDate(snapshot.dueDate, "UTC"),
    },
    secretProps: { url: invoiceLinkUrl(token) },
    category: "invoices",
    idempotencyKey: `invoice-sent:${key}`,
    entityType: "Invoice",
    entityId: invoiceId,
    clientId: inv.clientId,
  });
  await writeOutbox(tx, {
    job: "pdf.render",
    companyId: ctx.companyId,
    idempotencyKey: `pdf:invoice-send:${key}`,
    payload: { companyId: ctx.companyId, document: "invoice", entityType: "Invoice", entityId: invoiceId, requestedById: ctx.user?.id, props: invoicePdfProps(snapshot), thenEmail: email },
  });
  await tx.invoice.update({ where: { id: invoiceId }, data: { sentAt: now } });
  await auditBilling(tx, ctx, { entityType: "Invoice", entityId: invoiceId, action: "invoice.sent", after: { number: inv.number, to: recipients.map((r) => r.email) } });
  return { sent: true, to: recipients.map((r) => r.email) };
}

/** Voids an invoice (never deleted): only with no payments or credits left, with a reason; its links stop working. */
export async function voidInvoice(ctx: BillingContext, invoiceId: string, reason: string, now: Date = new Date()): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.manage");
  await ctx.db.$transaction(async (tx) => {
    const inv = await lockedRow(tx, ctx, invoiceId);
    const refusal = voidRefusal(inv);
    if (refusal) throw conflict(refusal);
    await tx.invoice.update({ where: { id: invoiceId }, data: { status: "VOID", voidedAt: now, voidReason: reason } });
    await tx.invoiceLink.updateMany({ where: { invoiceId, revokedAt: null }, data: { revokedAt: now } });
    await auditBilling(tx, ctx, { entityType: "Invoice", entityId: invoiceId, action: "invoice.voided", before: { status: inv.status }, after: { status: "VOID", reason } });
  });
  return getInvoice(ctx, invoiceId);
}

// --- Read -------------------------------------------------------------------------------------

function summaryOf(i: { id: string; number: string | null; kind: "STANDARD" | "DEPOSIT" | "FINAL"; status: InvoiceSummary["status"]; title: string; clientId: string; issueDate: Date | null; dueDate: Date | null; grossPence: number; payablePence: number; paidPence: number; creditedPence: number; createdAt: Date; client: { name: string } }, today: string): InvoiceSummary {
  const dueDate = isoOf(i.dueDate);
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    status: i.status,
    title: i.title,
    clientId: i.clientId,
    clientName: i.client.name,
    issueDate: isoOf(i.issueDate),
    dueDate,
    grossPence: i.grossPence,
    payablePence: i.payablePence,
    paidPence: i.paidPence,
    creditedPence: i.creditedPence,
    balancePence: i.status === "VOID" || i.status === "DRAFT" ? 0 : balanceDuePence(i),
    overdue: isOverdue({ ...i, dueDate }, today),
    createdAt: i.createdAt.toISOString(),
  };
}

export async function listInvoices(ctx: BillingContext, q: ListInvoicesQuery, now: Date = new Date()) {
  assertBillingCan(ctx, "invoices.view");
  const company = await ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { timeZone: true } });
  const today = todayIn(company.timeZone, now);
  const [rows, agg] = await Promise.all([findInvoices(ctx.db, q, day(today)), sumInvoices(ctx.db, q, day(today))]);
  const page = pageOf(rows, q.limit);
  const s = agg._sum;
  const payable = s.payablePence ?? 0;
  const paid = s.paidPence ?? 0;
  const credited = s.creditedPence ?? 0;
  return {
    items: page.items.map((i) => summaryOf(i, today)),
    nextCursor: page.nextCursor,
    totals: { count: agg._count._all, grossPence: s.grossPence ?? 0, payablePence: payable, paidPence: paid, creditedPence: credited, balancePence: q.status === "VOID" || q.status === "DRAFT" ? 0 : payable - paid - credited },
  };
}

export async function getInvoice(ctx: BillingContext, id: string, now: Date = new Date()): Promise<InvoiceDetail> {
  assertBillingCan(ctx, "invoices.view");
  const inv = await findInvoice(ctx.db, id);
  if (!inv) throw notFound();
  const company = await ctx.db.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { timeZone: true } });
  const [emails, pdfs] = await Promise.all([findInvoiceEmails(ctx.db, id), findInvoicePdfs(ctx.db, [id, ...inv.creditNotes.map((c) => c.id)])]);
  const pdfFor = (entityId: string) => {
    const f = pdfs.find((p) => p.entityId === entityId);
    return f ? `/api/admin/files/${f.id}/download` : null;
  };
  const snapshot = inv.snapshot as unknown as InvoiceSnapshot | null;
  const vatByRate = snapshot?.totals.vatByRate ?? invoiceTotals(inv.lines.map((l) => ({ id: l.id, kind: l.kind, quantityMilli: l.quantityMilli, unitPricePence: l.unitPricePence, discountBps: l.discountBps, vatRateBps: l.vatRateBps })), { reverseCharge: false, cisRateBps: null }).vatByRate;
  return {
    ...summaryOf(inv, todayIn(company.timeZone, now)),
    siteId: inv.siteId,
    quoteId: inv.quoteId,
    quoteNumber: inv.quote?.number ?? null,
    jobId: inv.jobId,
    notes: inv.notes,
    supplyDate: isoOf(inv.supplyDate),
    paymentTermsDays: inv.paymentTermsDays,
    reverseCharge: inv.reverseCharge,
    cisRateBps: inv.cisRateBps,
    netPence: inv.netPence,
    vatPence: inv.vatPence,
    cisDeductionPence: inv.cisDeductionPence,
    vatByRate,
    lines: inv.lines.map((l) => ({
      id: l.id,
      position: l.position,
      section: l.section,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPricePence: l.unitPricePence,
      discountBps: l.discountBps,
      vatRateBps: l.vatRateBps,
      vatRuleKey: l.vatRuleKey,
      netPence: l.netPence,
      vatPence: l.vatPence,
    })),
    payments: inv.payments.map((p) => paymentOutputOf({ ...p, invoice: { number: inv.number } })),
    creditNotes: inv.creditNotes.map((c) => ({
      id: c.id,
      number: c.number,
      reason: c.reason,
      issueDate: isoOf(c.issueDate)!,
      netPence: c.netPence,
      vatPence: c.vatPence,
      grossPence: c.grossPence,
      cisReversedPence: c.cisReversedPence,
      pdfUrl: pdfFor(c.id),
      lines: c.lines.map((l) => ({ description: l.description, kind: l.kind, netPence: l.netPence, vatRateBps: l.vatRateBps, vatPence: l.vatPence })),
    })),
    emails: emails.map((e) => ({ id: e.id, to: e.to, subject: e.subject, status: e.status, createdAt: e.createdAt.toISOString() })),
    pdfUrl: pdfFor(id),
    issuedAt: inv.issuedAt?.toISOString() ?? null,
    sentAt: inv.sentAt?.toISOString() ?? null,
    paidAt: inv.paidAt?.toISOString() ?? null,
    voidedAt: inv.voidedAt?.toISOString() ?? null,
    voidReason: inv.voidReason,
  };
}
