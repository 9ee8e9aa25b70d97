"use client";

import { useEffect, useRef, useState } from "react";
import SignaturePad from "signature_pad";

/**
 * A signature box for a finger or a mouse; reports a PNG data URL, or null when cleared. The canvas
 * is sized by a ResizeObserver (not once at mount), so it also works inside a dialog that opens
 * after it mounted: a 0-wide canvas would otherwise give an empty image.
 */
export function SignaturePadField({
  id,
  label,
  hint,
  onChange,
  error,
  disabled,
  heightClass = "h-40",
}: {
  /** Prefix of the label/hint/error element ids; unique on the page. */
  id: string;
  label: string;
  hint: string;
  onChange: (dataUrl: string | null) => void;
  error?: string;
  disabled?: boolean;
  heightClass?: string;
}) {
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
    let width = 0;
    const observer = new ResizeObserver(() => {
      if (el.offsetWidth > 0 && el.offsetWidth !== width) {
        width = el.offsetWidth;
        resize();
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      pad.current?.off();
    };
  }, [onChange]);

  useEffect(() => {
    if (disabled) pad.current?.off();
    else pad.current?.on();
  }, [disabled]);

  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="text-sm font-medium text-neutral-800">
        {label}
      </span>
      <canvas
        ref={canvas}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className={`${heightClass} w-full touch-none rounded-md border bg-white ${error ? "border-danger-600" : "border-neutral-300"}`}
      />
      <div className="flex items-center justify-between text-sm">
        <span id={`${id}-hint`} className="text-neutral-600">
          {hint}
        </span>
        <button
          type="button"
          disabled={empty || disabled}
          className="min-h-11 px-2 font-medium text-neutral-800 underline underline-offset-4 disabled:text-neutral-500 disabled:no-underline"
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
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
