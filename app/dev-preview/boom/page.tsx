export const dynamic = "force-dynamic";
export default function Boom(): never { throw new Error("secret internal failure"); }
