import type { ReactElement } from "react";
import type { z } from "zod";
import type { PdfBranding } from "./layout.tsx";

/** A PDF document type: validated props, a file name and the React tree to render. */
export type PdfDocument<P extends z.ZodType = z.ZodType> = {
  name: string;
  props: P;
  fileName: (props: z.output<P>) => string;
  /** `files`: stored files the job named (e.g. a signature image), loaded for the render. */
  render: (props: z.output<P>, branding: PdfBranding, files: Record<string, Buffer>) => ReactElement;
};

export function definePdfDocument<P extends z.ZodType>(d: PdfDocument<P>): PdfDocument<P> {
  return d;
}
