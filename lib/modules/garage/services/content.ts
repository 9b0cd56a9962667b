import { micromark } from "micromark";
import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { ContentPage } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { contentListQuerySchema, contentUpdateSchema, markdownPreviewSchema } from "../schemas";
import { CONTENT_SLUGS, type ContentSlug } from "../vocabulary";
import type { ContentPageView } from "../views";

const CONTENT_NOT_FOUND = "Page not found.";

/**
 * The one Markdown renderer (API, public pages, editor preview): CommonMark, with raw HTML
 * escaped and links or images with dangerous protocols (javascript:, data:, …) emptied.
 */
export function renderMarkdown(body: string): string {
  return micromark(body, { allowDangerousHtml: false, allowDangerousProtocol: false });
}

/** The editor's live preview: the same renderer, for a signed-in principal who may edit pages. */
export async function previewMarkdown(principal: Principal, input: unknown): Promise<{ html: string }> {
  await requireScope(principal, "UPDATE:CONTENT");
  const { body } = parseInput(markdownPreviewSchema, input);
  return { html: renderMarkdown(body) };
}

export function toContentPageView(row: ContentPage): ContentPageView {
  return { slug: row.slug as ContentSlug, title: row.title, body: row.body, html: renderMarkdown(row.body), updatedAt: row.updatedAt.toISOString() };
}

function contentSlug(value: unknown): ContentSlug {
  const slug = CONTENT_SLUGS.find((known) => known === value);
  if (!slug) throw new NotFoundError(CONTENT_NOT_FOUND);
  return slug;
}


export async function listContentPages(_principal: Principal | null, query: unknown = {}): Promise<Page<ContentPageView>> {
  parseQuery(contentListQuerySchema, query);
  const rows = await db.contentPage.findMany({ where: { slug: { in: [...CONTENT_SLUGS] } }, orderBy: { slug: "asc" } });
  return { items: rows.map(toContentPageView), total: rows.length };
}

export async function getContentPage(_principal: Principal | null, slug: string): Promise<ContentPageView> {
  const row = await db.contentPage.findUnique({ where: { slug: contentSlug(slug) } });
  if (!row) throw new NotFoundError(CONTENT_NOT_FOUND);
  return toContentPageView(row);
}

export async function updateContentPage(principal: Principal, slug: string, input: unknown): Promise<ContentPageView> {
  await requireScope(principal, "UPDATE:CONTENT");
  const pageSlug = contentSlug(slug);
  const changes = parseInput(contentUpdateSchema, input);
  return transaction(async (tx) => {
    if (!(await tx.contentPage.findUnique({ where: { slug: pageSlug }, select: { slug: true } }))) throw new NotFoundError(CONTENT_NOT_FOUND);
    const updated = await tx.contentPage.update({ where: { slug: pageSlug }, data: { ...changes, updatedById: principal.userId } });
    const view = toContentPageView(updated);
    await recordGarageEvent(tx, { topic: "content_events", type: "content.updated", key: updated.slug, payload: view, actor: principal.userId });
    return view;
  });
}
