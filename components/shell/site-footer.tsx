import { IntentLink } from "@/components/ui/intent-link";
import { footerLinks } from "@/lib/ui/navigation";

/** Every page's footer: the modules' public pages (a shop's terms, opening hours, …). */
export function SiteFooter() {
  const links = footerLinks();
  if (links.length === 0) return null;
  return (
    <footer className="border-t border-line">
      <nav aria-label="Footer" className="mx-auto flex max-w-page flex-wrap gap-x-6 gap-y-2 px-6 py-6 text-sm text-ink-muted">
        {links.map((link) => (
          <IntentLink key={link.href} href={link.href} className="hover:text-ink hover:underline">
            {link.label}
          </IntentLink>
        ))}
      </nav>
    </footer>
  );
}
