// Worker-thread entry in plain JS: Node 20 threads don't inherit tsx's loader, so register it here
// and then load the TypeScript thread module.
import { register } from "tsx/esm/api";

register();
await import("./pdf-thread.ts");
