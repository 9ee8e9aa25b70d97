import Link from "next/link";
import type { ComponentPropsWithRef, ReactNode, Ref } from "react";
import { cx } from "./cx";
import { renderIcon, type IconName } from "./icons";
import { Spinner } from "./Spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "relative inline-flex select-none items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium " +
  "transition-colors duration-150 disabled:cursor-not-allowed disabled:opacity-60 " +
  "aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-accent text-on-accent shadow-xs hover:bg-accent-hover disabled:hover:bg-accent",
  secondary:
    "border border-neutral-300 bg-white text-neutral-800 shadow-xs hover:bg-neutral-50 hover:text-neutral-900 disabled:hover:bg-white",
  ghost: "text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 disabled:hover:bg-transparent",
  danger: "bg-danger-600 text-white shadow-xs hover:bg-danger-700 disabled:hover:bg-danger-600",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm",
  md: "h-9 px-3.5 text-sm",
  lg: "h-12 px-5 text-base", // 48px: thumb target for the engineer portal
};

const iconOnlySizes: Record<ButtonSize, string> = {
  sm: "size-8",
  md: "size-9",
  lg: "size-12",
};

type CommonProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button (no double submit). */
  loading?: boolean;
  /** Label while loading, e.g. "Signing in…". Defaults to the normal label. */
  loadingText?: ReactNode;
  iconStart?: IconName | ReactNode;
  iconEnd?: IconName | ReactNode;
  fullWidth?: boolean;
  className?: string;
  children?: ReactNode;
};

/**
 * One props type for both forms (so `Omit<ButtonProps, "onClick">` works): button attributes, plus
 * `href` (and Next <Link> options) to render a link styled as a button. In link form, button-only
 * attributes (type, disabled, form…) are dropped; `ref` is forwarded to whichever element renders.
 */
export type ButtonProps = CommonProps &
  Omit<ComponentPropsWithRef<"button">, keyof CommonProps> & {
    href?: string;
    prefetch?: boolean;
    replace?: boolean;
    scroll?: boolean;
    target?: string;
    rel?: string;
    download?: boolean | string;
    hrefLang?: string;
  };

type LinkOnlyProps = "href" | "prefetch" | "replace" | "scroll" | "target" | "rel" | "download" | "hrefLang";

/** Button form only (no link props). */
export type ButtonAsButtonProps = Omit<ButtonProps, LinkOnlyProps> & { href?: undefined };

/** Link form: `href` required. */
export type ButtonAsLinkProps = ButtonProps & { href: string };

export function buttonClasses({
  variant = "primary",
  size = "md",
  fullWidth,
  iconOnly,
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
  iconOnly?: boolean;
  className?: string;
}): string {
  return cx(
    base,
    variants[variant],
    iconOnly ? iconOnlySizes[size] : sizes[size],
    fullWidth && "w-full",
    className,
  );
}

/**
 * Button, or a link styled as a button when `href` is given.
 * Defaults to type="button": pass type="submit" for form submits.
 */
export function Button(props: ButtonProps) {
  const {
    variant = "primary",
    size = "md",
    loading = false,
    loadingText,
    iconStart,
    iconEnd,
    fullWidth,
    className,
    children,
    ...rest
  } = props;
  const iconSize = size === "lg" ? 20 : 16;
  const classes = buttonClasses({ variant, size, fullWidth, className });
  const content = (
    <>
      {loading ? <Spinner size={iconSize} /> : renderIcon(iconStart, iconSize)}
      {loading && loadingText ? loadingText : children}
      {!loading && renderIcon(iconEnd, iconSize)}
    </>
  );

  if (typeof rest.href === "string") {
    const {
      href,
      type: _type,
      disabled: _disabled,
      form: _form,
      formAction: _formAction,
      formEncType: _formEncType,
      formMethod: _formMethod,
      formNoValidate: _formNoValidate,
      formTarget: _formTarget,
      name: _name,
      value: _value,
      ref,
      ...anchorProps
    } = rest;
    return (
      <Link
        href={href}
        ref={ref as Ref<HTMLAnchorElement> | undefined}
        className={classes}
        aria-busy={loading || undefined}
        {...(anchorProps as Omit<ComponentPropsWithRef<"a">, "href" | "ref">)}
      >
        {content}
      </Link>
    );
  }

  const {
    type = "button",
    disabled,
    href: _href,
    prefetch: _prefetch,
    replace: _replace,
    scroll: _scroll,
    target: _target,
    rel: _rel,
    download: _download,
    hrefLang: _hrefLang,
    ...buttonProps
  } = rest;
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...buttonProps}
    >
      {content}
    </button>
  );
}

export type IconButtonProps = Omit<ComponentPropsWithRef<"button">, "children"> & {
  /** Accessible name (also shown as a tooltip). Required: the button has no visible text. */
  label: string;
  icon: IconName | ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** Square button with only an icon; `label` becomes its accessible name. */
export function IconButton({
  label,
  icon,
  variant = "ghost",
  size = "md",
  className,
  type = "button",
  ...rest
}: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={buttonClasses({ variant, size, iconOnly: true, className })}
      {...rest}
    >
      {renderIcon(icon, size === "lg" ? 24 : 20)}
    </button>
  );
}
