import { Button, Card, EngineerShell, StatusBadge, SyncStatus, Icon, formatTime } from "@/ui";

const jobs = [
  { id: "1", time: "2025-11-24T08:00:00Z", title: "EICR – 3 bed semi-detached with garage and outbuildings", client: "Mrs Priya Raman", address: "22 Elm Grove, Wimbledon, London SW19 1AB", status: "scheduled" },
  { id: "2", time: "2025-11-24T11:30:00Z", title: "Consumer unit replacement", client: "Harrington & Whitcombe Property Management (North West) Ltd", address: "Flat 14, Kensington Court, Manchester M14 5RT", status: "in_progress" },
  { id: "3", time: "2025-11-24T15:00:00Z", title: "Fault finding – kitchen sockets tripping", client: "Tom O'Connor", address: "7 Mill Lane, Leeds LS6 2DJ", status: "on_hold" },
];

export default function EngineerPreview() {
  return (
    <EngineerShell companyName="Harrington & Whitcombe Electrical Contractors Ltd" title="Today · Mon 24 Nov" status={<SyncStatus online={false} pending={3} />} active="/engineer">
      <div className="flex flex-col gap-3">
        {jobs.map((j) => (
          <Card key={j.id} padding="sm">
            <div className="flex items-start justify-between gap-3">
              <p className="figures text-lg font-semibold">{formatTime(j.time)}</p>
              <StatusBadge status={j.status} size="md" />
            </div>
            <h2 className="mt-1 text-base font-semibold">{j.title}</h2>
            <p className="text-sm text-neutral-600">{j.client}</p>
            <p className="mt-2 flex items-start gap-2 text-lg"><Icon name="mapPin" className="mt-1 shrink-0 text-neutral-500" />{j.address}</p>
            <div className="mt-3 grid grid-cols-2 gap-2">
              <Button size="lg" variant="secondary" iconStart="phone" href="tel:07700900123">Call</Button>
              <Button size="lg" variant="secondary" iconStart="mapPin" href="https://maps.google.com">Navigate</Button>
            </div>
          </Card>
        ))}
        <Button size="lg" fullWidth>Start next job</Button>
      </div>
    </EngineerShell>
  );
}
