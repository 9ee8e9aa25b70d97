import { cardPaymentOption } from "../checkout.service.ts";
import { PayByCard } from "./PayByCard.tsx";

/**
 * The "Pay by card" block for an invoice link page (/i/<token>): shown only when this installation
 * has Stripe, the company's connected account can take charges and something is owed.
 */
export async function PayByCardSection({ token }: { token: string }) {
  const option = await cardPaymentOption(token);
  if (!option.available) return null;
  return (
    <section aria-labelledby="pay-by-card-heading" className="rounded-lg border border-neutral-200 bg-white p-4 sm:p-5">
      <h2 id="pay-by-card-heading" className="mb-3 text-lg font-semibold">
        Pay by card
      </h2>
      <PayByCard token={token} balancePence={option.balancePence} allowPartPayments={option.allowPartPayments} minPartPence={option.minPartPence} />
    </section>
  );
}
