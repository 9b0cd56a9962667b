/** Which navigation link is the current page: pure, so client components can import it without the registry. */

export interface NavItem {
  href: string;
  label: string;
}

/** The link of the page at `pathname`: the one whose href it is or is under (the longest such href wins). */
export function currentHref(links: readonly NavItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { href } of links) {
    const matches = pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
