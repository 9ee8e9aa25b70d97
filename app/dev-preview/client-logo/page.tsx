import { Button, Card, ClientShell, Money } from "@/ui";

const logo = "data:image/svg+xml;utf8," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="220" height="48"><rect width="48" height="48" rx="8" fill="#0e7490"/><text x="60" y="32" font-family="Arial" font-size="22" font-weight="bold" fill="#0e7490">Volt &amp; Co</text></svg>');

export default function ClientLogoPreview() {
  return (
    <ClientShell companyName="Volt & Co Electrical" logoUrl={logo} brandColor="#0e7490">
      <Card padding="lg">
        <h1 className="text-xl font-semibold">Invoice INV-00042</h1>
        <div className="mt-4 flex items-end justify-between"><span className="text-neutral-600">Balance due</span><Money pence={123456} className="text-2xl font-semibold" /></div>
        <Button size="lg" fullWidth className="mt-6">Pay £1,234.56</Button>
      </Card>
    </ClientShell>
  );
}
