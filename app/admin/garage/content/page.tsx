import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { ContentEditor } from "@/components/garage/catalogue-content-editor";
import { requirePrincipal } from "@/components/shell/session";
import { linkClass } from "@/components/ui/buttons";
import { PageHeading } from "@/components/ui/page";
import { CONTENT_BODY_MAX } from "@/lib/modules/garage/schemas";
import { listContentPages } from "@/lib/modules/garage/services/content";
import { previewContentAction, updateContentAction } from "./actions";

export const metadata: Metadata = { title: "Shop pages" };

export default async function ContentAdminPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("UPDATE:CONTENT")) forbidden();
  const pages = await listContentPages(principal);
  return (
    <div className="space-y-8">
      <PageHeading title="Shop pages">The public pages linked from the footer, in Markdown. Everyone can read them, signed out too.</PageHeading>
      {pages.items.map((page) => (
        <details key={page.slug} className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
          <summary className="cursor-pointer text-lg font-semibold">
            {page.title} <span className="text-sm font-normal text-ink-muted">/info/{page.slug}</span>
          </summary>
          <p className="mt-2 text-sm">
            <IntentLink href={`/info/${page.slug}`} className={linkClass}>
              Open the public page
            </IntentLink>
          </p>
          <ContentEditor page={page} save={updateContentAction} preview={previewContentAction} maxLength={CONTENT_BODY_MAX} />
        </details>
      ))}
    </div>
  );
}
