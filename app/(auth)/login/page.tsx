import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/identity/login-form";
import { getPrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { safeCallbackPath } from "@/lib/ui/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

/** Notices other pages may ask the sign-in page to show; never text taken from the URL. */
const NOTICES: Record<string, string> = {
  "password-changed": "Password changed — sign in again",
  "signed-out-everywhere": "Signed out everywhere — sign in again",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = single(params.callbackUrl);
  if (await getPrincipal()) redirect(safeCallbackPath(callbackUrl));
  const notice = NOTICES[single(params.notice) ?? ""];
  const registerHref = callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register";

  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-ink-muted">One account for parking, rentals and the garage.</p>
      {notice && (
        <p role="status" className="mt-4 rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-ink">
          {notice}
        </p>
      )}
      <LoginForm callbackUrl={callbackUrl ?? null} />
      <p className="mt-6 text-sm text-ink-muted">
        New here?{" "}
        <IntentLink href={registerHref} className="font-medium text-brand underline-offset-4 hover:underline">
          Create an account
        </IntentLink>
      </p>
    </Card>
  );
}
