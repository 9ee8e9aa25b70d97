import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listTemplates } from "@/modules/checklists/checklists.service.ts";
import { JobActions } from "@/modules/jobs/components/JobActions.tsx";
import { JobChecklists } from "@/modules/jobs/components/JobChecklists.tsx";
import { JobEngineers } from "@/modules/jobs/components/JobEngineers.tsx";
import { JobNoteForm } from "@/modules/jobs/components/JobNoteForm.tsx";
import { JobPhotoUpload } from "@/modules/jobs/components/JobPhotoUpload.tsx";
import { JobTimeline } from "@/modules/jobs/components/JobTimeline.tsx";
import { FINAL_STATUSES, JOB_STATUS_LABELS, openRequiredItems } from "@/modules/jobs/job-status.ts";
import { assignableEngineers, getJob, jobTimeline } from "@/modules/jobs/jobs.service.ts";
import { listTimeEntries } from "@/modules/time/time.service.ts";
import { can } from "@/server/context.ts";
import { classifyError } from "@/server/errors/classify.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, formatDateTime, formatMoney, MetaItem, PageHeader, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Job" };

const hours = (minutes: number) => `${(minutes / 60).toLocaleString("en-GB", { maximumFractionDigits: 1 })} h`;

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage(policy.can("jobs.view"));
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const load = async () => {
    try {
      return await getJob(ctx, id);
    } catch (err) {
      if (classifyError(err).code === "NOT_FOUND") return null;
      throw err;
    }
  };
  const job = await loadOrUnavailable(load);
  if (!job) notFound();
  const chrome = await loadChrome(ctx);
  const canManage = can(ctx, "jobs.manage");
  const [timeline, templates, candidates, time] = await loadOrUnavailable(() =>
    Promise.all([
      jobTimeline(ctx, id),
      canManage ? listTemplates(ctx, { limit: 100, archived: "exclude" }) : Promise.resolve({ items: [] }),
      canManage ? assignableEngineers(ctx) : Promise.resolve([]),
      listTimeEntries(ctx, { jobId: id, limit: 100 }),
    ]),
  );
  const open = openRequiredItems(job.checklists.map((c) => ({ title: c.title, items: c.items })));
  const finished = FINAL_STATUSES.has(job.status);
  const labourBudget = job.time.labourBudgetMinutes;
  const site = job.site;

  return (
    <div className="mx-auto flex max-w-6xl flex-col">
      <PageHeader
        back={{ href: "/admin/jobs", label: "Jobs" }}
        title={`${job.number}: ${job.title}`}
        status={JOB_STATUS_LABELS[job.status]}
        subtitle={
          <Link href={`/admin/clients/${job.client.id}`} className="hover:underline">
            {job.client.name}
          </Link>
        }
        meta={
          <>
            <MetaItem label="Budget">{job.budgetNetPence ? formatMoney(job.budgetNetPence) : "—"}</MetaItem>
            <MetaItem label="Time logged">{hours(job.time.minutesLogged)}</MetaItem>
            {job.nextVisitAt ? <MetaItem label="Next visit">{formatDateTime(job.nextVisitAt, chrome.timeZone)}</MetaItem> : null}
          </>
        }
        actions={
          canManage ? (
            <>
              <JobActions jobId={job.id} status={job.status} openItems={open.map((o) => `${o.label} (${o.checklist})`)} isAdmin={ctx.role === "ADMIN"} />
              {can(ctx, "invoices.manage") && (job.status === "COMPLETED" || job.status === "IN_PROGRESS") ? (
                <Button href={`/admin/invoices/new?jobId=${job.id}`} variant="secondary" iconStart="invoice">
                  Create invoice
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      {job.status === "ON_HOLD" && job.onHoldReason ? (
        <p role="status" className="mb-6 rounded-md border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-800">
          On hold: {job.onHoldReason}
        </p>
      ) : null}
      {job.status === "CANCELLED" && job.cancelledReason ? (
        <p role="status" className="mb-6 rounded-md border border-neutral-200 bg-neutral-50 px-4 py-3 text-sm text-neutral-800">
          Cancelled: {job.cancelledReason}
        </p>
      ) : null}
      {job.completedAt ? (
        <Card title="Completed" className="mb-6">
          <p className="text-sm">
            Signed off by <strong>{job.completionSignerName}</strong> on {formatDateTime(job.completedAt, chrome.timeZone, { year: true })}
            {job.completedBy ? `, recorded by ${job.completedBy.name}` : ""}.
            {job.completionSignatureFileId ? (
              <>
                {" "}
                <a href={`/api/admin/files/${job.completionSignatureFileId}/download`} className="font-medium underline underline-offset-4">
                  Signature
                </a>
              </>
            ) : null}
          </p>
          {job.completionOverrideReason ? (
            <p className="mt-2 rounded-md bg-warning-50 px-3 py-2 text-sm text-warning-800">
              Completed by an admin with open checklist items. Reason: {job.completionOverrideReason}
            </p>
          ) : null}
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Site and scope">
            <div className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <h3 className="text-xs font-medium text-neutral-600">Site</h3>
                {site ? (
                  <address className="not-italic">
                    {site.label ? <span className="block font-medium">{site.label}</span> : null}
                    <span className="block">{site.addressLine1}</span>
                    {site.addressLine2 ? <span className="block">{site.addressLine2}</span> : null}
                    <span className="block">
                      {site.town} {site.postcode}
                    </span>
                    <a href={`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(site.postcode)}`} target="_blank" rel="noreferrer" className="mt-1 inline-flex font-medium underline underline-offset-4">
                      Open in Google Maps<span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  </address>
                ) : (
                  <p className="text-neutral-600">No site set.</p>
                )}
                {site?.accessNotes ? <p className="mt-2 rounded-md bg-neutral-50 px-3 py-2">Access: {site.accessNotes}</p> : null}
              </div>
              <div>
                <h3 className="text-xs font-medium text-neutral-600">Client</h3>
                <p>{job.client.name}</p>
                {job.client.phone ? (
                  <a href={`tel:${job.client.phone}`} className="block underline underline-offset-4">
                    {job.client.phone}
                  </a>
                ) : null}
                {job.client.email ? <p className="break-all">{job.client.email}</p> : null}
              </div>
              <div className="sm:col-span-2">
                <h3 className="text-xs font-medium text-neutral-600">Scope</h3>
                <p className="whitespace-pre-wrap">{job.scope ?? "No scope written."}</p>
                {job.estimatedMinutes ? <p className="mt-1 text-neutral-600">Estimated {hours(job.estimatedMinutes)}</p> : null}
              </div>
            </div>
          </Card>

          <Card title="Checklists">
            <JobChecklists
              jobId={job.id}
              checklists={job.checklists}
              templates={templates.items.map((t) => ({ id: t.id, title: t.title, version: t.version }))}
              editable={canManage && !finished}
              timeZone={chrome.timeZone}
            />
          </Card>

          <Card title="Costs against budget" padding="none">
            {job.budgetLines.length ? (
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <caption className="sr-only">Budget lines</caption>
                  <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600">
                    <tr>
                      <th scope="col" className="px-4 py-2 font-medium">Budget line</th>
                      <th scope="col" className="px-4 py-2 text-right font-medium">Qty</th>
                      <th scope="col" className="px-4 py-2 text-right font-medium">Net</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {job.budgetLines.map((l) => (
                      <tr key={l.id}>
                        <td className="px-4 py-2">
                          {l.description}
                          <span className="block text-xs text-neutral-600">{l.kind === "LABOUR" ? "Labour" : l.kind === "MATERIALS" ? "Materials" : "Fixed"}</span>
                        </td>
                        <td className="px-4 py-2 text-right tabular-nums">{(l.quantityMilli / 1000).toLocaleString("en-GB")}</td>
                        <td className="px-4 py-2 text-right tabular-nums">{formatMoney(l.netPence)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="px-4 pt-4 text-sm text-neutral-600">No budget: this job was booked directly, not from a quote.</p>
            )}
            <dl className="grid grid-cols-[1fr_auto] gap-y-1 border-t border-neutral-200 px-4 py-3 text-sm tabular-nums">
              <dt className="text-neutral-600">Budget (net)</dt>
              <dd className="text-right">{formatMoney(job.budgetNetPence)}</dd>
              <dt className="text-neutral-600">Labour budgeted</dt>
              <dd className="text-right">{labourBudget !== null ? `${hours(labourBudget)} (${formatMoney(job.time.labourBudgetNetPence)})` : "—"}</dd>
              <dt className="text-neutral-600">Time logged</dt>
              <dd className="text-right">{hours(job.time.minutesLogged)}</dd>
              {labourBudget ? (
                <>
                  <dt className="font-medium">Labour used</dt>
                  <dd className={`text-right font-medium ${job.time.minutesLogged > labourBudget ? "text-danger-700" : ""}`}>
                    {Math.round((job.time.minutesLogged / labourBudget) * 100)}%{job.time.minutesLogged > labourBudget ? " (over budget)" : ""}
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>

          <Card title="Time on this job" padding="none">
            <DataTable
              caption="Time entries on this job"
              rows={time.items}
              rowKey={(e) => e.id}
              columns={[
                { key: "who", header: "Engineer", cell: (e) => e.engineer.name },
                { key: "start", header: "Start", cell: (e) => formatDateTime(e.startedAt, chrome.timeZone) },
                { key: "end", header: "End", cell: (e) => (e.endedAt ? formatDateTime(e.endedAt, chrome.timeZone) : <StatusBadge status="in progress" label="Clock running" />), hideBelow: "md" },
                { key: "break", header: "Break", numeric: true, cell: (e) => `${e.breakMinutes} min`, hideBelow: "lg" },
                { key: "worked", header: "Worked", numeric: true, cell: (e) => hours(e.workedMinutes) },
              ]}
              empty={<p className="px-4 py-6 text-sm text-neutral-600">No time recorded yet. Engineers clock in from their phone; the office adds time on the timesheets page.</p>}
            />
          </Card>

          <Card title="Photos and files">
            <div className="flex flex-col gap-4">
              {job.files.length ? (
                <ul className="grid gap-3 sm:grid-cols-2">
                  {job.files.map((f) => (
                    <li key={f.id} className="flex flex-col gap-1 rounded-md border border-neutral-200 p-2 text-sm">
                      {f.contentType.startsWith("image/") && f.contentType !== "image/heic" ? (
                        // eslint-disable-next-line @next/next/no-img-element -- authenticated download, not an optimisable public image
                        <img src={f.downloadUrl} alt={f.caption ?? f.fileName} className="h-40 w-full rounded object-cover" loading="lazy" />
                      ) : null}
                      <a href={f.downloadUrl} className="font-medium break-all underline underline-offset-4">
                        {f.caption ?? f.fileName}
                      </a>
                      <span className="text-xs text-neutral-600">
                        {f.uploadedBy?.name ?? "Someone"}, {formatDateTime(f.takenAt ?? f.createdAt, chrome.timeZone)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-neutral-600">No photos or files yet.</p>
              )}
              {canManage && job.status !== "CANCELLED" ? <JobPhotoUpload jobId={job.id} /> : null}
            </div>
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card title="Engineers">
            <JobEngineers jobId={job.id} engineers={job.engineers} candidates={candidates} canManage={canManage && !finished} />
          </Card>
          <Card title="Schedule">
            {job.visits.length ? (
              <ul className="flex flex-col gap-2 text-sm">
                {job.visits.map((v) => (
                  <li key={v.id}>
                    <span className="font-medium">{formatDateTime(v.startsAt, chrome.timeZone)}</span> to {formatDateTime(v.endsAt, chrome.timeZone)}
                    <span className="block text-neutral-600">{v.engineer.name}</span>
                    {v.notes ? <span className="block text-neutral-600">{v.notes}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-neutral-600">No visits booked.</p>
            )}
            {can(ctx, "planner.manage") ? (
              <Link href="/admin/planner" className="mt-3 inline-block text-sm font-medium underline underline-offset-4">
                Open the planner
              </Link>
            ) : null}
          </Card>
          <Card title="Quote and invoices">
            <ul className="flex flex-col gap-2 text-sm">
              <li>
                {job.quote ? (
                  <>
                    From quote{" "}
                    <Link href={`/admin/quotes/${job.quote.id}`} className="font-medium underline underline-offset-4">
                      {job.quote.number}
                    </Link>
                  </>
                ) : (
                  <span className="text-neutral-600">Booked directly (no quote).</span>
                )}
              </li>
              {job.invoices.map((i) => (
                <li key={i.id} className="flex items-center justify-between gap-2">
                  <Link href={`/admin/invoices/${i.id}`} className="font-medium underline underline-offset-4">
                    {i.number ?? "Draft invoice"}
                  </Link>
                  <span className="flex items-center gap-2">
                    {i.grossPence !== null ? <span className="tabular-nums">{formatMoney(i.grossPence)}</span> : null}
                    <StatusBadge status={i.status} />
                  </span>
                </li>
              ))}
              {job.invoices.length === 0 ? <li className="text-neutral-600">No invoices yet.</li> : null}
            </ul>
          </Card>
          {canManage ? (
            <Card title="Notes">
              <JobNoteForm jobId={job.id} />
            </Card>
          ) : null}
          <Card>
            <JobTimeline entries={timeline} timeZone={chrome.timeZone} />
          </Card>
        </div>
      </div>
    </div>
  );
}
