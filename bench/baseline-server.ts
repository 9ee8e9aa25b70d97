/**
 * The benchmark's floor: the fastest plain thing that answers the same questions on this machine.
 * node:http + pg, no framework, no ORM, no validation library: one hand-written SQL statement per
 * question (two for the invoices list: page and totals, run in parallel), the same session lookup
 * (cookie → SHA-256 → session + membership in one statement), the same JSON as the app's API.
 * Only the project's pure functions are shared (pricing totals, aging buckets): arithmetic, not I/O.
 *
 *   GET /api/admin/clients?q=&cursor=&limit=
 *   GET /api/admin/quotes/<id>
 *   GET /api/admin/invoices?status=&overdue=true&cursor=&limit=
 *   GET /api/admin/jobs/<id>
 *   GET /api/admin/schedule?from=&to=
 *   GET /api/admin/reports/aging?asOf=
 *
 * Run alone: `npx tsx bench/baseline-server.ts` (BENCH_DATABASE_URL, BASELINE_PORT, default 3901).
 */
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { computeTotals, defaultChoice } from "../src/modules/pricing/pricing.ts";
import { toPriceLine, type StoredLine } from "../src/modules/quotes/quote-lines.ts";
import { agingBucket, daysBetween } from "../src/modules/reports/reports-math.ts";

// timestamp (without time zone) columns hold UTC, like Prisma writes them; dates stay strings.
pg.types.setTypeParser(1114, (s: string) => new Date(`${s.replace(" ", "T")}Z`));
pg.types.setTypeParser(1082, (s: string) => s);
pg.types.setTypeParser(20, (s: string) => Number(s));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_VISIT_MINUTES = 24 * 60;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}
const notFound = () => new HttpError(404, "NOT_FOUND");

type Auth = { userId: string; companyId: string; role: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function todayIn(timeZone: string, now = new Date()): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

function cookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name || k === `__Host-${name}`) return v.join("=");
  }
  return null;
}

export function createBaseline(pool: pg.Pool) {
  async function authenticate(req: http.IncomingMessage): Promise<Auth> {
    const token = cookie(req, "qt_session");
    if (!token) throw new HttpError(401, "UNAUTHENTICATED");
    const { rows } = await pool.query(
      `SELECT s."userId", s."activeCompanyId" AS "companyId", m."role"
         FROM "Session" s
         JOIN "CompanyMembership" m ON m."companyId" = s."activeCompanyId" AND m."userId" = s."userId" AND m."status" = 'ACTIVE'
         JOIN "Company" co ON co."id" = s."activeCompanyId" AND co."status" <> 'SUSPENDED'
        WHERE s."tokenHash" = $1 AND s."revokedAt" IS NULL AND s."idleExpiresAt" > now() AND s."absoluteExpiresAt" > now()`,
      [createHash("sha256").update(token).digest("hex")],
    );
    if (!rows[0]) throw new HttpError(401, "UNAUTHENTICATED");
    if (rows[0].role !== "ADMIN" && rows[0].role !== "OFFICE") throw new HttpError(403, "FORBIDDEN");
    return rows[0] as Auth;
  }

  function page(url: URL): { limit: number; cursor: string | null } {
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 25) || 25));
    const cursor = url.searchParams.get("cursor");
    if (cursor && !UUID.test(cursor)) throw new HttpError(400, "BAD_REQUEST");
    return { limit, cursor };
  }

  async function clients(a: Auth, url: URL) {
    const { limit, cursor } = page(url);
    const q = url.searchParams.get("q")?.trim().toLowerCase().replace(/\s+/g, " ");
    const params: unknown[] = [a.companyId, limit + 1];
    let where = `c."companyId" = $1 AND c."archivedAt" IS NULL`;
    if (q) {
      params.push(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where += ` AND c."searchText" LIKE $${params.length}`;
    }
    if (cursor) {
      params.push(cursor);
      where += ` AND c."id" < $${params.length}`;
    }
    const { rows } = await pool.query(
      `SELECT c.*,
              (SELECT json_build_object('id', ct."id", 'name', ct."name", 'email', ct."email", 'phone', ct."phone")
                 FROM "ClientContact" ct WHERE ct."companyId" = c."companyId" AND ct."clientId" = c."id" ORDER BY ct."id" LIMIT 1) AS "primaryContact",
              ARRAY(SELECT s."postcode" FROM "Site" s WHERE s."companyId" = c."companyId" AND s."clientId" = c."id" AND s."archivedAt" IS NULL ORDER BY s."id") AS "postcodes"
         FROM "Client" c WHERE ${where} ORDER BY c."id" DESC LIMIT $2`,
      params,
    );
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      email: c.email,
      phone: c.phone,
      tags: c.tags,
      paymentTermsDays: c.paymentTermsDays,
      vatRegistered: c.vatRegistered,
      vatNumber: c.vatNumber,
      cisContractor: c.cisContractor,
      cisRateBps: c.cisRateBps,
      reverseChargeEndUser: c.reverseChargeEndUser,
      archivedAt: iso(c.archivedAt),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      siteCount: c.postcodes.length,
      postcodes: [...new Set(c.postcodes as string[])],
      primaryContact: c.primaryContact,
    }));
    return { items, nextCursor: more ? items[items.length - 1]!.id : null };
  }

  async function quote(a: Auth, id: string) {
    const { rows } = await pool.query(
      `SELECT q.*, c."name" AS "clientName",
              COALESCE((SELECT json_agg(l ORDER BY l."position") FROM "QuoteLine" l WHERE l."companyId" = q."companyId" AND l."quoteId" = q."id"), '[]') AS "lines",
              COALESCE((SELECT json_agg(json_build_object('version', v."version", 'grossPence', v."grossPence", 'sentAt', v."sentAt", 'snapshotHash', v."snapshotHash",
                                 'pdfFileId', (SELECT f."id" FROM "StoredFile" f WHERE f."companyId" = v."companyId" AND f."entityType" = 'QuoteVersion' AND f."entityId" = v."id"::text LIMIT 1)) ORDER BY v."version")
                          FROM "QuoteVersion" v WHERE v."companyId" = q."companyId" AND v."quoteId" = q."id"), '[]') AS "versions"
         FROM "Quote" q JOIN "Client" c ON c."companyId" = q."companyId" AND c."id" = q."clientId"
        WHERE q."companyId" = $1 AND q."id" = $2`,
      [a.companyId, id],
    );
    const q = rows[0];
    if (!q) throw notFound();
    const lines = q.lines as (StoredLine & { position: number; section: string | null; description: string })[];
    const priced = lines.map(toPriceLine);
    const t = computeTotals(priced, defaultChoice(priced));
    return {
      id: q.id,
      number: q.number,
      title: q.title,
      status: q.status,
      version: q.version,
      clientId: q.clientId,
      clientName: q.clientName,
      grossPence: q.grossPence,
      validUntil: q.validUntil,
      sentAt: iso(q.sentAt),
      createdAt: iso(q.createdAt),
      siteId: q.siteId,
      enquiryId: q.enquiryId,
      introduction: q.introduction,
      terms: q.terms,
      depositBps: q.depositBps,
      depositPence: q.depositPence,
      lines: lines.map((l) => ({
        id: l.id,
        position: l.position,
        section: l.section,
        kind: l.kind,
        description: l.description,
        quantityMilli: l.quantityMilli,
        unitPricePence: l.unitPricePence,
        markupBps: l.markupBps,
        discountBps: l.discountBps,
        vatRateBps: l.vatRateBps,
        placement: l.placement,
        groupName: l.groupName,
        optionName: l.optionName,
        addonName: l.addonName,
      })),
      totals: { netPence: t.netPence, vatPence: t.vatPence, grossPence: t.grossPence, exemptNetPence: t.exemptNetPence, vat: t.vat },
      versions: (q.versions as { version: number; grossPence: number; sentAt: string; snapshotHash: string; pdfFileId: string | null }[]).map((v) => ({
        version: v.version,
        grossPence: v.grossPence,
        sentAt: new Date(`${v.sentAt}Z`).toISOString(),
        snapshotHash: v.snapshotHash,
        pdfUrl: v.pdfFileId ? `/api/admin/files/${v.pdfFileId}/download` : null,
      })),
      viewedAt: iso(q.viewedAt),
      respondedAt: iso(q.respondedAt),
      responseComment: q.responseComment,
    };
  }

  async function invoices(a: Auth, url: URL) {
    const { limit, cursor } = page(url);
    const status = url.searchParams.get("status");
    const overdue = url.searchParams.get("overdue") === "true";
    const { rows: co } = await pool.query(`SELECT "timeZone" FROM "Company" WHERE "id" = $1`, [a.companyId]);
    const today = todayIn(co[0].timeZone);
    const params: unknown[] = [a.companyId];
    let where = `i."companyId" = $1`;
    if (status) {
      params.push(status);
      where += ` AND i."status" = $${params.length}::"InvoiceStatus"`;
    }
    if (overdue) {
      params.push(today);
      where += ` AND i."status" IN ('ISSUED', 'PART_PAID') AND i."dueDate" < $${params.length}::date`;
    }
    const listParams = [...params, limit + 1];
    let listWhere = where;
    if (cursor) {
      listParams.push(cursor);
      listWhere += ` AND i."id" < $${listParams.length}`;
    }
    const [list, sum] = await Promise.all([
      pool.query(
        `SELECT i."id", i."number", i."kind", i."status", i."title", i."clientId", c."name" AS "clientName", i."issueDate", i."dueDate", i."grossPence", i."payablePence", i."paidPence", i."creditedPence", i."createdAt"
           FROM "Invoice" i JOIN "Client" c ON c."companyId" = i."companyId" AND c."id" = i."clientId"
          WHERE ${listWhere} ORDER BY i."id" DESC LIMIT $${params.length + 1}`,
        listParams,
      ),
      pool.query(
        `SELECT count(*)::int AS "count", COALESCE(sum("grossPence"), 0)::int AS "grossPence", COALESCE(sum("payablePence"), 0)::int AS "payablePence",
                COALESCE(sum("paidPence"), 0)::int AS "paidPence", COALESCE(sum("creditedPence"), 0)::int AS "creditedPence"
           FROM "Invoice" i WHERE ${where}${status === "VOID" ? "" : ` AND i."status" <> 'VOID'`}`,
        params,
      ),
    ]);
    const more = list.rows.length > limit;
    const items = (more ? list.rows.slice(0, limit) : list.rows).map((i) => {
      const balance = i.status === "VOID" || i.status === "DRAFT" ? 0 : i.payablePence - i.paidPence - i.creditedPence;
      return {
        id: i.id,
        number: i.number,
        kind: i.kind,
        status: i.status,
        title: i.title,
        clientId: i.clientId,
        clientName: i.clientName,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        grossPence: i.grossPence,
        payablePence: i.payablePence,
        paidPence: i.paidPence,
        creditedPence: i.creditedPence,
        balancePence: balance,
        overdue: (i.status === "ISSUED" || i.status === "PART_PAID") && i.dueDate !== null && i.dueDate < today && i.payablePence - i.paidPence - i.creditedPence > 0,
        createdAt: iso(i.createdAt),
      };
    });
    const s = sum.rows[0];
    return {
      items,
      nextCursor: more ? items[items.length - 1]!.id : null,
      totals: { ...s, balancePence: status === "VOID" || status === "DRAFT" ? 0 : s.payablePence - s.paidPence - s.creditedPence },
    };
  }

  async function job(a: Auth, id: string) {
    const { rows } = await pool.query(
      `SELECT j.*,
              json_build_object('id', c."id", 'name', c."name", 'phone', c."phone", 'email', c."email") AS "client",
              CASE WHEN st."id" IS NULL THEN NULL ELSE json_build_object('id', st."id", 'label', st."label", 'addressLine1', st."addressLine1", 'addressLine2', st."addressLine2", 'town', st."town", 'postcode', st."postcode", 'accessNotes', st."accessNotes") END AS "site",
              CASE WHEN q."id" IS NULL THEN NULL ELSE json_build_object('id', q."id", 'number', q."number") END AS "quote",
              (SELECT u."name" FROM "User" u WHERE u."id" = j."completedById") AS "completedByName",
              COALESCE((SELECT json_agg(json_build_object('id', b."id", 'position', b."position", 'section', b."section", 'kind', b."kind", 'description', b."description", 'quantityMilli', b."quantityMilli",
                                 'unitPricePence', b."unitPricePence", 'discountBps', b."discountBps", 'vatRateBps', b."vatRateBps", 'netPence', b."netPence") ORDER BY b."position")
                          FROM "JobBudgetLine" b WHERE b."companyId" = j."companyId" AND b."jobId" = j."id"), '[]') AS "budgetLines",
              COALESCE((SELECT json_agg(json_build_object('id', ja."engineerId", 'name', u."name") ORDER BY ja."createdAt")
                          FROM "JobAssignment" ja JOIN "User" u ON u."id" = ja."engineerId" WHERE ja."companyId" = j."companyId" AND ja."jobId" = j."id"), '[]') AS "engineers",
              COALESCE((SELECT json_agg(json_build_object('id', v."id", 'engineer', json_build_object('id', v."engineerId", 'name', u."name"), 'startsAt', v."startsAt", 'endsAt', v."endsAt", 'notes', v."notes") ORDER BY v."startsAt")
                          FROM "ScheduleEntry" v JOIN "User" u ON u."id" = v."engineerId" WHERE v."companyId" = j."companyId" AND v."jobId" = j."id"), '[]') AS "visits",
              COALESCE((SELECT json_agg(json_build_object('id', cl."id", 'title', cl."title", 'templateId', cl."templateId", 'templateVersion', cl."templateVersion",
                                 'items', COALESCE((SELECT json_agg(json_build_object('id', it."id", 'position', it."position", 'label', it."label", 'description', it."description", 'required', it."required",
                                                          'completedAt', it."completedAt", 'completedById', it."completedById", 'completedByName', (SELECT u."name" FROM "User" u WHERE u."id" = it."completedById")) ORDER BY it."position")
                                                     FROM "JobChecklistItem" it WHERE it."companyId" = cl."companyId" AND it."jobChecklistId" = cl."id"), '[]')) ORDER BY cl."createdAt")
                          FROM "JobChecklist" cl WHERE cl."companyId" = j."companyId" AND cl."jobId" = j."id"), '[]') AS "checklists",
              COALESCE((SELECT json_agg(json_build_object('id', jf."id", 'fileId', jf."fileId", 'fileName', f."fileName", 'contentType', f."contentType", 'caption', jf."caption", 'takenAt', jf."takenAt",
                                 'uploadedById', jf."uploadedById", 'uploadedByName', (SELECT u."name" FROM "User" u WHERE u."id" = jf."uploadedById"), 'createdAt', jf."createdAt") ORDER BY jf."createdAt" DESC)
                          FROM "JobFile" jf LEFT JOIN "StoredFile" f ON f."companyId" = jf."companyId" AND f."id" = jf."fileId" WHERE jf."companyId" = j."companyId" AND jf."jobId" = j."id"), '[]') AS "files",
              COALESCE((SELECT json_agg(json_build_object('id', i."id", 'number', i."number", 'status', i."status", 'grossPence', i."grossPence") ORDER BY i."createdAt")
                          FROM "Invoice" i WHERE i."companyId" = j."companyId" AND i."jobId" = j."id"), '[]') AS "invoices",
              (SELECT COALESCE(sum(GREATEST(0, round(extract(epoch FROM (COALESCE(t."endedAt", now() AT TIME ZONE 'UTC') - t."startedAt")) / 60) - t."breakMinutes")), 0)::int
                 FROM "TimeEntry" t WHERE t."companyId" = j."companyId" AND t."jobId" = j."id") AS "minutesLogged"
         FROM "Job" j
         JOIN "Client" c ON c."companyId" = j."companyId" AND c."id" = j."clientId"
         LEFT JOIN "Site" st ON st."companyId" = j."companyId" AND st."id" = j."siteId"
         LEFT JOIN "Quote" q ON q."companyId" = j."companyId" AND q."id" = j."quoteId"
        WHERE j."companyId" = $1 AND j."id" = $2`,
      [a.companyId, id],
    );
    const j = rows[0];
    if (!j) throw notFound();
    const at = (s: string | null) => (s ? new Date(`${s}Z`).toISOString() : null);
    const person = (pid: string | null, name: string | null) => (pid ? { id: pid, name: name ?? "Former user" } : null);
    const now = Date.now();
    const visits = j.visits as { id: string; engineer: { id: string; name: string }; startsAt: string; endsAt: string; notes: string | null }[];
    const budget = j.budgetLines as { kind: string; quantityMilli: number; netPence: number }[];
    const labour = budget.filter((l) => l.kind === "LABOUR");
    const next = visits.find((v) => Date.parse(`${v.endsAt}Z`) >= now);
    return {
      id: j.id,
      number: j.number,
      title: j.title,
      status: j.status,
      scope: j.scope,
      estimatedMinutes: j.estimatedMinutes,
      client: j.client,
      site: j.site,
      quoteId: j.quoteId,
      quote: j.quote,
      budgetNetPence: j.budgetNetPence,
      nextVisitAt: next ? at(next.startsAt) : null,
      onHoldReason: j.onHoldReason,
      cancelledReason: j.cancelledReason,
      completedAt: iso(j.completedAt),
      completedBy: person(j.completedById, j.completedByName),
      completionSignerName: j.completionSignerName,
      completionSignatureFileId: j.completionSignatureFileId,
      completionOverrideReason: j.completionOverrideReason,
      createdAt: iso(j.createdAt),
      updatedAt: iso(j.updatedAt),
      budgetLines: j.budgetLines,
      engineers: j.engineers,
      visits: visits.map((v) => ({ ...v, startsAt: at(v.startsAt), endsAt: at(v.endsAt) })),
      checklists: (j.checklists as { id: string; title: string; templateId: string | null; templateVersion: number | null; items: { id: string; position: number; label: string; description: string | null; required: boolean; completedAt: string | null; completedById: string | null; completedByName: string | null }[] }[]).map((c) => ({
        id: c.id,
        title: c.title,
        templateId: c.templateId,
        templateVersion: c.templateVersion,
        items: c.items.map((i) => ({ id: i.id, position: i.position, label: i.label, description: i.description, required: i.required, completedAt: at(i.completedAt), completedBy: person(i.completedById, i.completedByName) })),
      })),
      files: (j.files as { id: string; fileId: string; fileName: string | null; contentType: string | null; caption: string | null; takenAt: string | null; uploadedById: string | null; uploadedByName: string | null; createdAt: string }[]).map((f) => ({
        id: f.id,
        fileId: f.fileId,
        fileName: f.fileName ?? "file",
        contentType: f.contentType ?? "application/octet-stream",
        caption: f.caption,
        takenAt: at(f.takenAt),
        uploadedBy: person(f.uploadedById, f.uploadedByName),
        createdAt: at(f.createdAt),
        downloadUrl: `/api/admin/files/${f.fileId}/download`,
      })),
      invoices: j.invoices,
      time: {
        minutesLogged: j.minutesLogged,
        labourBudgetMinutes: labour.length ? Math.round((labour.reduce((s, l) => s + l.quantityMilli, 0) * 60) / 1000) : null,
        labourBudgetNetPence: labour.reduce((s, l) => s + l.netPence, 0),
      },
    };
  }

  async function schedule(a: Auth, url: URL) {
    const from = new Date(url.searchParams.get("from") ?? "");
    const to = new Date(url.searchParams.get("to") ?? "");
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) throw new HttpError(400, "BAD_REQUEST");
    const earliest = new Date(from.getTime() - MAX_VISIT_MINUTES * 60_000);
    const { rows } = await pool.query(
      `SELECT s."id", s."jobId", s."engineerId", s."startsAt", s."endsAt", s."notes", s."overrideReason", s."updatedAt",
              j."number", j."title", j."status"::text AS "status", c."name" AS "clientName", st."addressLine1", st."town", st."postcode"
         FROM "ScheduleEntry" s
         JOIN "Job" j ON j."companyId" = s."companyId" AND j."id" = s."jobId"
         JOIN "Client" c ON c."companyId" = j."companyId" AND c."id" = j."clientId"
         LEFT JOIN "Site" st ON st."companyId" = j."companyId" AND st."id" = j."siteId"
        WHERE s."companyId" = $1 AND s."startsAt" >= $2 AND s."startsAt" < $3 AND s."endsAt" > $4
        ORDER BY s."startsAt", s."id" LIMIT 5000`,
      [a.companyId, iso(earliest)!.replace("Z", ""), iso(to)!.replace("Z", ""), iso(from)!.replace("Z", "")],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        jobId: r.jobId,
        engineerId: r.engineerId,
        startsAt: iso(r.startsAt),
        endsAt: iso(r.endsAt),
        notes: r.notes,
        overrideReason: r.overrideReason,
        updatedAt: iso(r.updatedAt),
        job: { number: r.number, title: r.title, status: r.status, clientName: r.clientName, site: r.addressLine1 !== null ? { addressLine1: r.addressLine1, town: r.town ?? "", postcode: r.postcode ?? "" } : null },
      })),
    };
  }

  async function aging(a: Auth, url: URL) {
    const { rows: co } = await pool.query(`SELECT "timeZone" FROM "Company" WHERE "id" = $1`, [a.companyId]);
    const asOf = url.searchParams.get("asOf") ?? todayIn(co[0].timeZone);
    const { rows } = await pool.query(
      // Only invoices that can have been owed at asOf: open, voided after it, or PAID with a payment or credit note after it.
      `SELECT i."id" AS "invoiceId", i."number", i."clientId", c."name" AS "clientName", i."dueDate",
              i."payablePence" - COALESCE(pay."pence", 0) + COALESCE(ref."pence", 0) - COALESCE(cr."pence", 0) AS "balancePence"
         FROM (SELECT i."id", i."number", i."clientId", i."dueDate", i."payablePence" FROM "Invoice" i
                WHERE i."companyId" = $1 AND i."issueDate" <= $2::date
                  AND (i."status" IN ('ISSUED', 'PART_PAID') OR (i."status" = 'VOID' AND i."voidedAt" >= ($2::date + 1)))
               UNION ALL
               SELECT i."id", i."number", i."clientId", i."dueDate", i."payablePence" FROM "Invoice" i
                WHERE i."companyId" = $1 AND i."issueDate" <= $2::date AND i."status" = 'PAID'
                  AND i."id" IN (SELECT p."invoiceId" FROM "Payment" p WHERE p."companyId" = $1 AND p."receivedOn" > $2::date
                                 UNION SELECT cn."invoiceId" FROM "CreditNote" cn WHERE cn."companyId" = $1 AND cn."issueDate" > $2::date)) i
         JOIN "Client" c ON c."companyId" = $1 AND c."id" = i."clientId"
         LEFT JOIN LATERAL (SELECT SUM(p."amountPence" + p."cisDeductionPence") AS "pence" FROM "Payment" p
                             WHERE p."companyId" = $1 AND p."invoiceId" = i."id" AND p."receivedOn" <= $2::date) pay ON true
         LEFT JOIN LATERAL (SELECT SUM(r."amountPence") AS "pence" FROM "PaymentRefund" r JOIN "Payment" p ON p."companyId" = r."companyId" AND p."id" = r."paymentId"
                             WHERE r."companyId" = $1 AND p."invoiceId" = i."id" AND r."refundedOn" <= $2::date) ref ON true
         LEFT JOIN LATERAL (SELECT SUM(COALESCE((cn."snapshot"->'totals'->>'creditPence')::int, cn."grossPence")) AS "pence" FROM "CreditNote" cn
                             WHERE cn."companyId" = $1 AND cn."invoiceId" = i."id" AND cn."issueDate" <= $2::date) cr ON true
        WHERE i."payablePence" - COALESCE(pay."pence", 0) + COALESCE(ref."pence", 0) - COALESCE(cr."pence", 0) > 0
        ORDER BY i."dueDate" NULLS LAST, i."number"`,
      [a.companyId, asOf],
    );
    const BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
    type B = (typeof BUCKETS)[number];
    const zero = () => Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<B, number>;
    const totals = { ...zero(), total: 0 };
    const byClient = new Map<string, Record<B, number> & { clientId: string; clientName: string; total: number; invoices: number }>();
    const invoices = rows.map((r) => {
      const bucket = agingBucket(r.dueDate, asOf) as B;
      const balance = Number(r.balancePence);
      totals[bucket] += balance;
      totals.total += balance;
      const cl = byClient.get(r.clientId) ?? { ...zero(), clientId: r.clientId, clientName: r.clientName, total: 0, invoices: 0 };
      cl[bucket] += balance;
      cl.total += balance;
      cl.invoices += 1;
      byClient.set(r.clientId, cl);
      return { invoiceId: r.invoiceId, number: r.number, clientName: r.clientName, dueDate: r.dueDate, daysOverdue: r.dueDate ? Math.max(0, daysBetween(r.dueDate, asOf)) : 0, bucket, balancePence: balance };
    });
    const clients = [...byClient.values()].sort((x, y) => y.total - x.total || x.clientName.localeCompare(y.clientName));
    return { asOf, totals, clients, invoices };
  }

  async function handle(req: http.IncomingMessage): Promise<unknown> {
    const url = new URL(req.url ?? "/", "http://baseline");
    if (req.method !== "GET") throw new HttpError(405, "METHOD_NOT_ALLOWED");
    if (url.pathname === "/health") return { ok: true };
    const a = await authenticate(req);
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] !== "api" || parts[1] !== "admin") throw notFound();
    const [, , resource, id, sub] = parts;
    if (id !== undefined && resource !== "reports" && !UUID.test(id)) throw notFound();
    if (resource === "clients" && id === undefined) return clients(a, url);
    if (resource === "quotes" && id && !sub) return quote(a, id);
    if (resource === "invoices" && id === undefined) return invoices(a, url);
    if (resource === "jobs" && id && !sub) return job(a, id);
    if (resource === "schedule" && id === undefined) return schedule(a, url);
    if (resource === "reports" && id === "aging") return aging(a, url);
    throw notFound();
  }

  return http.createServer((req, res) => {
    handle(req).then(
      (body) => {
        const json = JSON.stringify(body);
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(json), "cache-control": "no-store" });
        res.end(json);
      },
      (err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        if (status === 500) console.error(err);
        const json = JSON.stringify({ error: { code: err instanceof HttpError ? err.code : "INTERNAL", message: status === 500 ? "Internal error" : "" } });
        res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
        res.end(json);
      },
    );
  });
}

/** Starts the baseline on a port (0 = any free port); returns the port and a stop function. */
export async function startBaseline(databaseUrl: string, port = 0, poolMax = 10): Promise<{ port: number; stop: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  const server = createBaseline(pool);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { benchDatabaseUrl, loadBenchEnv } = await import("./config.ts");
  loadBenchEnv();
  const { port } = await startBaseline(benchDatabaseUrl(), Number(process.env.BASELINE_PORT ?? 3901));
  console.log(`Baseline listening on http://127.0.0.1:${port}`);
}
