import {
  AdminShell, Button, Card, DataTable, EmptyState, Input, MetaItem, Money, PageHeader, Select, Skeleton,
  SkeletonText, StatusBadge, Textarea, ToastProvider, formatDateTime, type DataTableColumn,
} from "@/ui";
import { invoices, type Invoice } from "./data";
import { Interactive, LoadMoreTable } from "./Interactive";

const columns: DataTableColumn<Invoice>[] = [
  { key: "number", header: "Number", cell: (r) => <a className="font-medium text-brand-700 hover:underline" href="#">{r.number}</a> },
  { key: "client", header: "Client", cell: (r) => r.client, maxWidth: "18rem" },
  { key: "site", header: "Site", cell: (r) => r.site, hideBelow: "lg", maxWidth: "14rem" },
  { key: "status", header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
  { key: "due", header: "Due", cell: (r) => formatDateTime(r.due, "Europe/London"), hideBelow: "md" },
  { key: "total", header: "Total", numeric: true, cell: (r) => <Money pence={r.total} /> },
  { key: "balance", header: "Balance", numeric: true, cell: (r) => <Money pence={r.balance} highlightNegative /> },
];

const statuses = ["draft", "sent", "scheduled", "viewed", "in_progress", "accepted", "paid", "completed", "on hold", "part-paid", "declined", "overdue", "failed", "void", "cancelled", "mystery"];

export default function Preview() {
  return (
    <ToastProvider>
      <AdminShell
        companyName="Harrington & Whitcombe Electrical Contractors (Greater Manchester) Ltd"
        user={{ name: "Alexandra Montgomery-Smythe", email: "alexandra.montgomery-smythe@harrington-electrical.co.uk" }}
        active="/admin/invoices/inv_108"
      >
        <PageHeader
          back={{ href: "/admin/invoices", label: "Invoices" }}
          title="INV-00108 · Harrington & Whitcombe Property Management (North West) Ltd"
          status="overdue"
          subtitle="Flat 14, Kensington Court, Manchester M14 5RT · Issued Mon 3 Nov, 09:30"
          meta={
            <>
              <MetaItem label="Total"><Money pence={100000000} /></MetaItem>
              <MetaItem label="Paid"><Money pence={0} /></MetaItem>
              <MetaItem label="Balance due"><Money pence={100000000} /></MetaItem>
              <MetaItem label="Credit"><Money pence={-1200} highlightNegative /></MetaItem>
            </>
          }
          actions={
            <>
              <Button variant="secondary" iconStart="download">PDF</Button>
              <Button variant="secondary">Send reminder</Button>
              <Button iconStart="plus">Record payment</Button>
            </>
          }
        />

        <div className="flex flex-col gap-6">
          <Card title="Invoices" description="All invoices, newest first." padding="none" actions={<Button size="sm" variant="secondary">Export CSV</Button>}>
            <DataTable caption="Invoices" columns={columns} rows={invoices} rowKey={(r) => r.id} hasMore loadMoreHref="/dev-preview?cursor=abc" />
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Empty list" padding="none">
              <DataTable
                caption="Quotes"
                columns={columns}
                rows={[]}
                rowKey={(r) => r.id}
                empty={<EmptyState title="No quotes yet" text="Quotes you create or convert from enquiries show up here." actionLabel="New quote" actionHref="/admin/quotes/new" headingLevel={3} />}
              />
            </Card>
            <Card title="Loading" padding="none">
              <DataTable caption="Jobs" columns={columns.slice(0, 4).concat(columns.slice(5, 6))} rows={[]} rowKey={(r) => r.id} loading skeletonRows={4} />
            </Card>
          </div>

          <Card title="Load more (client)" padding="none"><LoadMoreTable /></Card>

          <Card title="Statuses">
            <div className="flex flex-wrap gap-2">{statuses.map((s) => <StatusBadge key={s} status={s} />)}</div>
            <div className="mt-3 flex flex-wrap gap-2"><StatusBadge status="paid" size="md" /><StatusBadge status="IN_PROGRESS" size="md" /><StatusBadge status="cancelled" size="md" /></div>
          </Card>

          <Card title="Buttons">
            <div className="flex flex-wrap items-center gap-2">
              <Button>Primary</Button><Button variant="secondary">Secondary</Button><Button variant="ghost">Ghost</Button><Button variant="danger">Delete</Button>
              <Button loading loadingText="Sending…">Send</Button><Button disabled>Disabled</Button>
              <Button size="sm" variant="secondary">Small</Button><Button size="lg">Large 48px</Button><Button href="/admin/quotes/new" iconStart="plus">Link button</Button>
            </div>
            <div className="mt-4"><Interactive /></div>
          </Card>

          <Card title="Client details" description="Labels above, errors next to the field.">
            <form className="grid gap-5 md:grid-cols-2" noValidate>
              <Input label="Client name" defaultValue="Harrington & Whitcombe Property Management (North West) Ltd" required />
              <Input label="Email" type="email" defaultValue="accounts@harrington" error="Enter a valid email address, like name@example.com" required />
              <Input label="Postcode" hint="We use this to find the address." defaultValue="M14 5RT" />
              <Select label="Payment terms" defaultValue="30" options={[{ value: "7", label: "7 days" }, { value: "14", label: "14 days" }, { value: "30", label: "30 days" }]} />
              <Input label="Day rate" leading="£" trailing="/day" inputMode="decimal" defaultValue="320.00" />
              <Select label="Assigned engineer" placeholder="Choose an engineer" error="Choose who will do the job" options={[{ value: "a", label: "Dave Jones" }]} />
              <Textarea label="Access notes" optional containerClassName="md:col-span-2" defaultValue="Key safe by the back door, code 4821. Dog in the garden — friendly." />
              <div className="flex justify-end gap-2 md:col-span-2"><Button variant="secondary">Cancel</Button><Button type="submit">Save client</Button></div>
            </form>
          </Card>

          <Card title="Skeleton">
            <div className="flex items-center gap-3"><Skeleton rounded="full" width={40} height={40} /><SkeletonText lines={2} className="flex-1" /></div>
          </Card>
        </div>
      </AdminShell>
    </ToastProvider>
  );
}
