import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/identity/register-form";
import { getPrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { modules } from "@/lib/modules/registry";
import { safeCallbackPath } from "@/lib/ui/safe-callback";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = (Array.isArray(raw) ? raw[0] : raw) ?? null;
  if (await getPrincipal()) redirect(safeCallbackPath(callbackUrl));

  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">Create an account</h1>
      <p className="mt-1 text-sm text-ink-muted">
        {modules()
          .flatMap((module) => module.welcomeNote ?? [])
          .join(" ")}
      </p>
      <RegisterForm registerAction={registerAction} callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm text-ink-muted">
        Already have an account?{" "}
        <IntentLink href="/login" className="font-medium text-brand underline-offset-4 hover:underline">
          Sign in
        </IntentLink>
      </p>
    </Card>
  );
}
