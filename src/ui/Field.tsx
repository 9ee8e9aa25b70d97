import { useId, type ComponentPropsWithRef, type ReactNode } from "react";
import { cx } from "./cx";
import { Icon } from "./icons";

/** Props a control needs to be wired to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
};

export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** Error in plain words; shown right under the control and linked with aria-describedby. */
  error?: ReactNode;
  id?: string;
  required?: boolean;
  /** Adds a muted "(optional)" after the label. */
  optional?: boolean;
  /** Keeps the label for screen readers only (e.g. a search box with a visible icon). */
  hideLabel?: boolean;
  /** Extra ids to include in aria-describedby. */
  describedBy?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * Label above, hint under the label, control, error next to (directly under) the control.
 * Use Input/Select/Textarea for the common cases; use Field with a render function for custom controls.
 */
export function Field({
  label,
  hint,
  error,
  id,
  required,
  optional,
  hideLabel,
  describedBy,
  className,
  children,
}: FieldProps) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const described = [describedBy, hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label
        htmlFor={controlId}
        className={cx("text-sm font-medium text-neutral-800", hideLabel && "sr-only")}
      >
        {label}
        {optional ? <span className="font-normal text-neutral-500"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="-mt-0.5 text-sm text-neutral-600">
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        "aria-describedby": described,
        "aria-invalid": error ? true : undefined,
        required: required || undefined,
      })}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
      <Icon name="alert" size={16} className="mt-0.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

export type ControlSize = "md" | "lg";

const controlBase =
  "block w-full rounded-md border bg-white text-neutral-900 shadow-xs transition-colors " +
  "placeholder:text-neutral-500 focus-visible:outline-offset-0 " +
  "disabled:cursor-not-allowed disabled:bg-neutral-100 disabled:text-neutral-500";

const controlSizes: Record<ControlSize, string> = {
  // 44px on phones, 36px dense on desktop; 16px text on phones so iOS does not zoom.
  md: "h-11 px-3 text-base sm:h-9 sm:text-sm",
  lg: "h-12 px-3.5 text-base",
};

export function controlClasses({
  invalid,
  size = "md",
  className,
}: {
  invalid?: boolean;
  size?: ControlSize;
  className?: string;
}): string {
  return cx(
    controlBase,
    controlSizes[size],
    invalid
      ? "border-danger-600 focus-visible:outline-danger-600"
      : "border-neutral-300 hover:border-neutral-400",
    className,
  );
}

type SharedFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  optional?: boolean;
  hideLabel?: boolean;
  size?: ControlSize;
  /** Class for the wrapper (label + control + messages). `className` goes on the control. */
  containerClassName?: string;
};

export type InputProps = SharedFieldProps &
  Omit<ComponentPropsWithRef<"input">, "size"> & {
    /** Inline text/icon before the value, e.g. "£". Decorative. */
    leading?: ReactNode;
    /** Inline text/icon after the value, e.g. "hrs". Decorative. */
    trailing?: ReactNode;
  };

export function Input({
  label,
  hint,
  error,
  optional,
  hideLabel,
  size = "md",
  containerClassName,
  className,
  id,
  required,
  leading,
  trailing,
  "aria-describedby": describedBy,
  ...rest
}: InputProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      id={id}
      required={required}
      optional={optional}
      hideLabel={hideLabel}
      describedBy={describedBy}
      className={containerClassName}
    >
      {(control) =>
        leading || trailing ? (
          <div className="relative">
            {leading ? (
              <span
                aria-hidden="true"
                className="pointer-events-none absolute inset-y-0 left-0 flex items-center pl-3 text-neutral-500"
              >
                {leading}
              </span>
            ) : null}
            <input
              {...control}
              {...rest}
              className={controlClasses({
                invalid: !!error,
                size,
                className: cx("read-only:bg-neutral-50", leading && "pl-8", trailing && "pr-12", className),
              })}
            />
            {trailing ? (
              <span
                aria-hidden="true"
                className="pointer-events-none absolute inset-y-0 right-0 flex items-center pr-3 text-neutral-500"
              >
                {trailing}
              </span>
            ) : null}
          </div>
        ) : (
          <input
            {...control}
            {...rest}
            className={controlClasses({ invalid: !!error, size, className: cx("read-only:bg-neutral-50", className) })}
          />
        )
      }
    </Field>
  );
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = SharedFieldProps &
  Omit<ComponentPropsWithRef<"select">, "size"> & {
    options?: SelectOption[];
    /** First, empty option such as "Choose a client". */
    placeholder?: string;
  };

export function Select({
  label,
  hint,
  error,
  optional,
  hideLabel,
  size = "md",
  containerClassName,
  className,
  id,
  required,
  options,
  placeholder,
  children,
  "aria-describedby": describedBy,
  ...rest
}: SelectProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      id={id}
      required={required}
      optional={optional}
      hideLabel={hideLabel}
      describedBy={describedBy}
      className={containerClassName}
    >
      {(control) => (
        <div className="relative">
          <select
            {...control}
            {...rest}
            className={controlClasses({
              invalid: !!error,
              size,
              className: cx("appearance-none pr-9", className),
            })}
          >
            {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
            {options?.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
            {children}
          </select>
          <Icon
            name="chevronDown"
            size={16}
            className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-neutral-500"
          />
        </div>
      )}
    </Field>
  );
}

export type TextareaProps = Omit<SharedFieldProps, "size"> & ComponentPropsWithRef<"textarea">;

export function Textarea({
  label,
  hint,
  error,
  optional,
  hideLabel,
  containerClassName,
  className,
  id,
  required,
  rows = 4,
  "aria-describedby": describedBy,
  ...rest
}: TextareaProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      id={id}
      required={required}
      optional={optional}
      hideLabel={hideLabel}
      describedBy={describedBy}
      className={containerClassName}
    >
      {(control) => (
        <textarea
          {...control}
          {...rest}
          rows={rows}
          className={cx(
            controlBase,
            "min-h-20 resize-y px-3 py-2 text-base read-only:bg-neutral-50 sm:text-sm",
            error ? "border-danger-600 focus-visible:outline-danger-600" : "border-neutral-300 hover:border-neutral-400",
            className,
          )}
        />
      )}
    </Field>
  );
}
