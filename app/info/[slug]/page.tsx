import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MarkdownHtml } from "@/components/garage/markdown";
import { getPrincipal } from "@/components/shell/session";
import { SiteHeader } from "@/components/site-header";
import { NotFoundError } from "@/lib/errors";
import { getContentPage } from "@/lib/modules/garage/services/content";
import type { ContentPageView } from "@/lib/modules/garage/views";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** The shop's page, or Next's 404 for a slug that is not one of them. */
async function loadPage(slug: string): Promise<ContentPageView> {
  try {
    return await getContentPage(null, slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  return { title: page.title };
}

/** A shop page (about, terms, FAQ, opening hours): public, rendered from its Markdown. */
export default async function InfoPage({ params }: { params: Promise<Params> }) {
  const page = await loadPage((await params).slug);
  return (
    <>
      <SiteHeader signedIn={(await getPrincipal()) !== null} />
      <main id="main" className="mx-auto max-w-3xl px-6 py-12">
        <article aria-labelledby="info-title">
          <h1 id="info-title" className="mb-6 text-sm font-medium uppercase tracking-widest text-brand">
            {page.title}
          </h1>
          <MarkdownHtml html={page.html} className="text-base" />
          <p className="mt-10 text-xs text-ink-muted">Last updated {page.updatedAt.slice(0, 10)}</p>
        </article>
      </main>
    </>
  );
}
