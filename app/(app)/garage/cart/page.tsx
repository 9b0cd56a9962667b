import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { clearCartAction, removeCartLineAction, repriceCartAction } from "@/app/(app)/garage/cart/actions";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { linkClass, primaryButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { getCart } from "@/lib/modules/garage/services/cart";
import { linesByCar } from "@/lib/modules/garage/view-models/cart-groups";
import { formatMinor } from "@/lib/modules/garage/view-models/money";

export const metadata: Metadata = { title: "Cart" };

const LIVE_TOPICS = ["cart_events", "car_events", "catalogue_events"] as const;

export default async function CartPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:CART")) forbidden();
  const cart = await getCart(principal, {});
  const money = (amountMinor: number) => formatMinor(amountMinor, cart.currency);
  const groups = linesByCar(cart.lines);
  const canRemove = principal.scopes.has("DELETE:CART");

  return (
    <div className="space-y-8">
      <LiveRefresh topics={LIVE_TOPICS} />
      <PageHeading title="Cart">The services you picked, priced for each car today. Book a drop-off slot at checkout.</PageHeading>

      {cart.lines.length === 0 ? (
        <EmptyState>
          Your cart is empty. <IntentLink href="/garage" className={linkClass}>Browse the services</IntentLink>.
        </EmptyState>
      ) : (
        <>
          {cart.changedLines > 0 && principal.scopes.has("WRITE:CART") && (
            <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-card border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
              <p>
                {cart.changedLines === 1 ? "One price has" : `${cart.changedLines} prices have`} changed since you added {cart.changedLines === 1 ? "it" : "them"}.
              </p>
              <ActionButton action={repriceCartAction} fields={{}} label="Accept new prices" pendingLabel="Updating…" className={smallStrongButtonClass} />
            </div>
          )}

          {groups.map((group) => (
            <section key={group.carId} aria-labelledby={`cart-car-${group.carId}`} className="space-y-3">
              <h2 id={`cart-car-${group.carId}`} className="text-lg font-semibold">
                {group.car.carModel.make} {group.car.carModel.model} <span className="font-mono text-sm font-normal text-ink-muted">{group.car.plate}</span>
              </h2>
              <ul className="divide-y divide-line rounded-card border border-line bg-surface-raised">
                {group.lines.map((line) => (
                  <li key={line.id} data-testid="cart-line" className="flex flex-wrap items-start justify-between gap-3 p-4">
                    <div className="min-w-0">
                      <p className="font-medium">{line.service.name}</p>
                      <p className="text-sm text-ink-muted">{line.service.labourMinutes} min of labour</p>
                      <div className="mt-1 flex flex-wrap gap-2">
                        {!line.available && <Badge label="No longer offered" tone="danger" />}
                        {line.available && line.priceChanged && <Badge label="Price changed" tone="attention" testId="price-changed" />}
                      </div>
                    </div>
                    <div className="flex items-start gap-4">
                      <div className="text-right text-sm">
                        <p className="font-semibold">{money(line.priceNowMinor)}</p>
                        {line.priceChanged && <p className="text-xs text-ink-muted line-through">was {money(line.priceShownMinor)}</p>}
                        <p className="text-xs text-ink-muted">+ {money(line.taxNowMinor)} GST</p>
                      </div>
                      {canRemove && (
                        <ActionButton action={removeCartLineAction} fields={{ id: line.id }} label="Remove" pendingLabel="Removing…" ariaLabel={`Remove ${line.service.name} for ${line.car.plate}`} />
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}

          <Card className="space-y-4">
            <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
              <dt>Subtotal</dt>
              <dd className="text-right">{money(cart.subtotalMinor)}</dd>
              <dt>GST</dt>
              <dd className="text-right">{money(cart.taxMinor)}</dd>
              <dt className="font-semibold">Total</dt>
              <dd className="text-right font-semibold" data-testid="cart-total">
                {money(cart.totalMinor)}
              </dd>
              <dt className="text-ink-muted">Labour</dt>
              <dd className="text-right text-ink-muted">{cart.labourMinutes} min</dd>
            </dl>
            <div className="flex flex-wrap items-center justify-between gap-3">
              {canRemove && (
                <ActionButton
                  action={clearCartAction}
                  fields={{}}
                  label="Empty cart"
                  pendingLabel="Emptying…"
                  align="start"
                  confirm={{ question: "Remove every line?", yes: "Yes, empty it", keep: "Keep them" }}
                />
              )}
              <IntentLink href="/garage/checkout" className={primaryButtonClass}>
                Checkout
              </IntentLink>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
