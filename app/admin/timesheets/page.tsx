import type { Metadata } from "next";
import Link from "next/link";
import { DeleteEntryButton } from "@/modules/time/components/DeleteEntryButton.tsx";
import { TimeEntryForm } from "@/modules/time/components/TimeEntryForm.tsx";
import { TimesheetActions } from "@/modules/time/components/TimesheetActions.tsx";
import { TIMESHEET_STATUS_LABELS, type TimesheetView } from "@/modules/time/time.schema.ts";
import { getTimesheet, listTimesheets } from "@/modules/time/timesheets.service.ts";
import { parseWeekStart, shiftWeek, weekDays, weekStartOf } from "@/modules/time/time-week.ts";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, DataTable, EmptyState, formatDate, formatShortDate, formatTime, PageHeader, StatusBadge, type DataTableColumn } from "@/ui";

export const metadata: Metadata = { title: "Timesheets" };

const h = (minutes: number) => (minutes ? (minutes / 60).toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 2 }) : "—");
const TONE: Record<TimesheetView["status"], string> = { OPEN: "draft", SUBMITTED: "sent", APPROVED: "accepted", REJECTED: "rejected" };
const dayName = (iso: string) => formatShortDate(`${iso}T12:00:00Z`, "UTC");

export default async function TimesheetsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireTenantPage(policy.can("timesheets.approve"));
  const sp = await searchParams;
  const chrome = await loadChrome(ctx);
  const weekStart = (sp.week && parseWeekStart(sp.week)) || weekStartOf(new Date(), chrome.timeZone);
  const week = await loadOrUnavailable(() => listTimesheets(ctx, { weekStart }));
  const selected = sp.engineer ? week.items.find((i) => i.engineer.id === sp.engineer) : undefined;
  const canManage = can(ctx, "jobs.manage");
  const detail = await loadOrUnavailable(() => (selected ? getTimesheet(ctx, selected.engineer.id, weekStart) : Promise.resolve(null)));
  const days = weekDays(weekStart);
  const href = (params: Record<string, string>) => `/admin/timesheets?${new URLSearchParams(params)}`;
  const exportHref = (format: "csv" | "xlsx", status: "APPROVED" | "ALL") => `/api/admin/timesheets/export?${new URLSearchParams({ weekStart, format, status })}`;

  const columns: DataTableColumn<TimesheetView>[] = [
    {
      key: "engineer",
      header: "Engineer",
      cell: (t) => (
        <Link href={href({ week: weekStart, engineer: t.engineer.id })} className="font-medium text-neutral-900 hover:underline" aria-current={selected?.engineer.id === t.engineer.id ? "true" : undefined}>
          {t.engineer.name}
        </Link>
      ),
    },
    ...days.map((d, i) => ({ key: d, header: dayName(d).slice(0, 3), numeric: true, hideBelow: "lg" as const, cell: (t: TimesheetView) => h(t.days[i]!.minutes) })),
    { key: "total", header: "Hours", numeric: true, cell: (t) => <span className="font-medium">{h(t.totalMinutes)}</span> },
    {
      key: "status",
      header: "Status",
      cell: (t) => (
        <span className="flex flex-col gap-0.5">
          <StatusBadge status={TONE[t.status]} label={TIMESHEET_STATUS_LABELS[t.status]} />
          {t.runningClock ? <span className="text-xs text-neutral-600">Clock running</span> : null}
        </span>
      ),
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (t) => <TimesheetActions engineer={t.engineer} weekStart={weekStart} timesheetId={t.id} status={t.status} canSubmit={canManage && t.entryCount > 0 && !t.runningClock} canApprove />,
    },
  ];

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="Timesheets"
        subtitle={`Week of ${formatDate(`${weekStart}T12:00:00Z`, "UTC")} (Monday to Sunday, ${chrome.timeZone}). Approving a week locks its time entries.`}
        actions={
          <>
            <Button href={exportHref("csv", "APPROVED")} variant="secondary" iconStart="download">
              Export approved (CSV)
            </Button>
            <Button href={exportHref("xlsx", "APPROVED")} variant="secondary" iconStart="download">
              Export approved (XLSX)
            </Button>
          </>
        }
      />
      <nav aria-label="Week" className="flex flex-wrap items-center gap-2 text-sm">
        <Button href={href({ week: shiftWeek(weekStart, -1) })} variant="ghost" size="sm" iconStart="arrowLeft">
          Previous week
        </Button>
        <Button href={href({ week: weekStartOf(new Date(), chrome.timeZone) })} variant="ghost" size="sm">
          This week
        </Button>
        <Button href={href({ week: shiftWeek(weekStart, 1) })} variant="ghost" size="sm">
          Next week
        </Button>
        <a href={exportHref("csv", "ALL")} className="ml-auto font-medium underline underline-offset-4">
          Export every entry of the week (CSV)
        </a>
      </nav>
      <Card padding="none">
        <DataTable
          caption={`Timesheets for the week of ${weekStart}`}
          columns={columns}
          rows={week.items}
          rowKey={(t) => t.engineer.id}
          empty={<EmptyState icon="clock" title="Nobody to show" text="Engineers appear here once they are invited; their clocked and manual time is grouped by week." headingLevel={3} />}
        />
      </Card>

      {detail ? (
        <Card title={`${detail.engineer.name}: entries`} padding="none">
          <DataTable
            caption={`${detail.engineer.name}'s time entries for the week of ${weekStart}`}
            rows={detail.entries ?? []}
            rowKey={(e) => e.id}
            columns={[
              { key: "day", header: "Day", cell: (e) => formatShortDate(e.startedAt, chrome.timeZone) },
              { key: "time", header: "Time", cell: (e) => `${formatTime(e.startedAt, chrome.timeZone)}–${e.endedAt ? formatTime(e.endedAt, chrome.timeZone) : "running"}` },
              { key: "break", header: "Break", numeric: true, cell: (e) => `${e.breakMinutes} min`, hideBelow: "md" },
              { key: "worked", header: "Hours", numeric: true, cell: (e) => h(e.workedMinutes) },
              {
                key: "job",
                header: "Job",
                cell: (e) =>
                  e.job ? (
                    <Link href={`/admin/jobs/${e.job.id}`} className="underline underline-offset-4">
                      {e.job.number}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              { key: "source", header: "From", cell: (e) => (e.source === "CLOCK" ? "Clock" : "Manual"), hideBelow: "md" },
              { key: "notes", header: "Notes", cell: (e) => e.notes ?? "", hideBelow: "lg", maxWidth: "14rem" },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                cell: (e) => (e.locked ? <span className="text-xs text-neutral-600">Locked</span> : canManage ? <DeleteEntryButton entryId={e.id} label={`${formatShortDate(e.startedAt, chrome.timeZone)} ${formatTime(e.startedAt, chrome.timeZone)}, ${h(e.workedMinutes)} h`} /> : null),
              },
            ]}
            empty={<p className="px-4 py-6 text-sm text-neutral-600">No time recorded this week.</p>}
          />
          {detail.rejectionReason && detail.status === "REJECTED" ? <p className="border-t border-neutral-200 px-4 py-3 text-sm text-danger-800">Sent back: {detail.rejectionReason}</p> : null}
          {canManage && (detail.status === "OPEN" || detail.status === "REJECTED") ? (
            <div className="border-t border-neutral-200 p-4">
              <TimeEntryForm
                engineerId={detail.engineer.id}
                engineerName={detail.engineer.name}
                defaultDate={weekStart}
                timeZone={chrome.timeZone}
              />
            </div>
          ) : null}
        </Card>
      ) : week.items.length ? (
        <p className="text-sm text-neutral-600">Choose an engineer to see their entries and add time.</p>
      ) : null}
    </div>
  );
}
