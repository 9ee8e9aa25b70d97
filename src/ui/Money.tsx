import { cx } from "./cx";
import { formatMoney, type FormatMoneyOptions } from "./format";

export type MoneyProps = {
  /** Integer pence. */
  pence: number;
  /** Negative amounts (credits, refunds) are always shown with "−"; this also colours them. Default false. */
  highlightNegative?: boolean;
  signDisplay?: FormatMoneyOptions["signDisplay"];
  className?: string;
};

/** "£1,234.56" with tabular figures; never wraps. Right-align it in its container. */
export function Money({ pence, highlightNegative = false, signDisplay, className }: MoneyProps) {
  const negative = Math.round(pence) < 0;
  return (
    <span
      className={cx(
        "figures whitespace-nowrap",
        negative && highlightNegative && "text-danger-700",
        className,
      )}
    >
      {formatMoney(pence, { signDisplay })}
    </span>
  );
}
