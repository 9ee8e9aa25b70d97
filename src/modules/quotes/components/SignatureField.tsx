"use client";

import { useEffect, useRef, useState } from "react";
import SignaturePad from "signature_pad";

/** A signature box that works with a finger or a mouse; reports a PNG data URL (or null when empty). */
export function SignatureField({ onChange, error }: { onChange: (dataUrl: string | null) => void; error?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const el = canvas.current!;
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.current?.toData();
      el.width = el.offsetWidth * ratio;
      el.height = el.offsetHeight * ratio;
      el.getContext("2d")!.scale(ratio, ratio);
      pad.current?.clear();
      if (data) pad.current?.fromData(data);
    };
    pad.current = new SignaturePad(el, { penColor: "#111827", backgroundColor: "rgba(0,0,0,0)" });
    pad.current.addEventListener("endStroke", () => {
      setEmpty(false);
      onChange(pad.current!.toDataURL("image/png"));
    });
    resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      pad.current?.off();
    };
  }, [onChange]);

  return (
    <div className="flex flex-col gap-1.5">
      <span id="signature-label" className="text-sm font-medium text-neutral-800">
        Your signature
      </span>
      <canvas
        ref={canvas}
        role="img"
        aria-labelledby="signature-label"
        aria-describedby={error ? "signature-error" : "signature-hint"}
        className={`h-40 w-full touch-none rounded-md border bg-white ${error ? "border-danger-600" : "border-neutral-300"}`}
      />
      <div className="flex items-center justify-between text-sm">
        <span id="signature-hint" className="text-neutral-600">
          Sign with your finger or mouse.
        </span>
        <button
          type="button"
          disabled={empty}
          className="font-medium text-neutral-800 underline underline-offset-4 disabled:text-neutral-400 disabled:no-underline"
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
            onChange(null);
          }}
        >
          Clear
        </button>
      </div>
      {error ? (
        <p id="signature-error" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
