import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentPrincipal } from "../auth/current";
import type { Principal } from "../auth/principal";
import { MESSAGES } from "../errors";
import { formFailure, type FormState } from "./form-state";

/**
 * The layouts of the signed-in pages. Each of their pages renders per request, so revalidating them regenerates
 * nothing on the server; it makes the browser drop every page it prefetched. Never "/": that also regenerates the
 * static routes at run time, among them the service worker, whose precache list only the build can compute.
 */
const SIGNED_IN_LAYOUTS = ["/(app)", "/admin"] as const;

/** What every action answers a browser whose session has ended. */
export const SIGNED_OUT = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const satisfies FormState<never>;

/** The service call (it validates and authorizes): for a signed-in principal, or, for the few public forms (registration), for anyone. */
export type ActionRunner<Input, Result> =
  | { run: (principal: Principal, input: Input) => Promise<Result>; runForAnyone?: never }
  | { runForAnyone: (input: Input) => Promise<Result>; run?: never };

export type FormActionSpec<Field extends string, Input, Result, State extends FormState<Field>> = ActionRunner<Input, Result> & {
  /** The form's fields: a 422 on one of them is shown next to it. */
  fields?: readonly Field[];
  /** What the action reads from its argument (a FormData for forms; anything for a direct call: it is untrusted). */
  read: (argument: unknown) => Input;
  /** Values to refill the form with after an error (never passwords). */
  values?: (input: Input) => Partial<Record<Field, string>>;
  /** The answer after success: a message, or the whole state (not needed when success redirects). */
  done?: (result: Result, input: Input) => string | State;
  /** Extra state after a failure (e.g. the balance behind "insufficient credits"). */
  failure?: (error: unknown) => Partial<State>;
  /**
   * What changed: `page` (default) re-renders the page the browser is on; `everything` also
   * drops every cached page (the header and navigation changed); `nothing` (the form moves on
   * by itself, e.g. to sign in); `{ redirect }` goes elsewhere.
   */
  refreshes?: "page" | "everything" | "nothing" | { redirect: (result: Result) => string };
};

/**
 * The one way to write a server action: load the principal (signed out → SIGNED_OUT),
 * run the service, map its errors to the form's state (`formFailure`) and refresh what changed.
 * Server actions are public endpoints: `read` must cope with any argument.
 */
export function formAction<Field extends string, Input, Result, State extends FormState<Field> = FormState<Field>>(
  spec: FormActionSpec<Field, Input, Result, State>,
): (previous: State, argument: unknown) => Promise<State> {
  return async (_previous, argument) => {
    let principal: Principal | null = null;
    if (spec.run) {
      principal = await currentPrincipal();
      if (!principal) return SIGNED_OUT as State;
    }
    const input = spec.read(argument);
    let result: Result;
    try {
      result = principal && spec.run ? await spec.run(principal, input) : await spec.runForAnyone!(input);
    } catch (error) {
      return { ...formFailure(error, spec.fields ?? [], spec.values?.(input)), ...spec.failure?.(error) } as State;
    }
    const refreshes = spec.refreshes ?? "page";
    if (typeof refreshes === "object") redirect(refreshes.redirect(result));
    if (refreshes === "everything") for (const layout of SIGNED_IN_LAYOUTS) revalidatePath(layout, "layout");
    else if (refreshes === "page") refresh();
    const done = spec.done?.(result, input) ?? { status: "success" };
    return (typeof done === "string" ? { status: "success", message: done } : done) as State;
  };
}
