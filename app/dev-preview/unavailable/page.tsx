import { ServiceUnavailable } from "@/ui";
export default function P() { return <ServiceUnavailable />; }
