/** Pieces shared by the job screen and its lazily loaded lower part (JobFieldwork). */
import type { ReactNode } from "react";
import { Card } from "@/ui/Card";

export const WAITING = "Waiting to sync";

export function PendingTag() {
  return <span className="ml-2 inline-flex items-center rounded-full bg-warning-50 px-2 py-0.5 text-xs font-medium text-warning-800 ring-1 ring-warning-200 ring-inset">{WAITING}</span>;
}

export function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card title={title} actions={action} padding="md">
      {children}
    </Card>
  );
}
