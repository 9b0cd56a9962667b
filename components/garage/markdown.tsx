/**
 * Shop-page HTML rendered by `renderMarkdown` (lib/modules/garage/services/content.ts),
 * which escapes raw HTML and drops dangerous link protocols: the only HTML this sets.
 */
export function MarkdownHtml({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      className={`space-y-3 leading-relaxed [&_a]:text-brand [&_a]:underline [&_code]:rounded [&_code]:bg-surface [&_code]:px-1 [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
