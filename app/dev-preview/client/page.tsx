import { Button, Card, ClientShell, Money, StatusBadge, formatDate } from "@/ui";

export default function ClientPreview() {
  return (
    <ClientShell companyName="Sunny Side Plumbing & Heating" brandColor="#facc15" phone="0161 496 0123" email="hello@sunnyside.example">
      <Card padding="lg">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-sm text-neutral-600">Quote Q-00042 · {formatDate("2025-11-24T09:30:00Z")}</p>
            <h1 className="mt-1 text-xl font-semibold">New combi boiler and system flush</h1>
          </div>
          <StatusBadge status="viewed" size="md" />
        </div>
        <div className="mt-6 flex items-end justify-between border-t border-neutral-200 pt-4">
          <span className="text-base text-neutral-600">Total inc. VAT</span>
          <Money pence={100000000} className="text-2xl font-semibold" />
        </div>
        <div className="mt-6 grid gap-2 sm:grid-cols-2">
          <Button size="lg" fullWidth>Accept quote</Button>
          <Button size="lg" variant="secondary" iconStart="download" fullWidth>Download PDF</Button>
        </div>
        <p className="mt-4 text-sm">Questions? <a href="#" className="font-medium text-accent-ink underline">Contact us</a></p>
      </Card>
    </ClientShell>
  );
}
