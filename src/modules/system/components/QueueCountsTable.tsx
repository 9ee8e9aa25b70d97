/** Per-queue counts (waiting, running, scheduled, failed), for the admin system page and the platform console. */
const QUEUE_WORDS: Record<string, string> = {
  email: "Email",
  pdf: "PDF documents",
  reminder: "Reminders",
  "courier-tracking": "Courier tracking",
  maintenance: "Maintenance",
};

export type QueueCounts = { name: string; waiting: number; active: number; delayed: number; failed: number };

export function queueLabel(name: string): string {
  return QUEUE_WORDS[name] ?? name;
}

export function QueueCountsTable({ queues }: { queues: QueueCounts[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Queue</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Waiting</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Running</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Scheduled</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Failed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {queues.map((q) => (
            <tr key={q.name}>
              <th scope="row" className="px-4 py-2.5 text-left font-medium">{queueLabel(q.name)}</th>
              <td className="px-4 py-2.5 text-right">{q.waiting}</td>
              <td className="px-4 py-2.5 text-right">{q.active}</td>
              <td className="px-4 py-2.5 text-right">{q.delayed}</td>
              <td className="px-4 py-2.5 text-right">{q.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
