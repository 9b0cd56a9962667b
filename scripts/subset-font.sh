#!/usr/bin/env bash
# Splits Geist Sans (the `geist` package's variable font) in two for app/fonts.ts:
#  - assets/fonts/geist-sans-latin.woff2, the subset every page preloads (the first unicode-range written in
#    app/fonts.ts: Latin, punctuation, arrows, the rupee): about 33 KiB instead of 70;
#  - the unicode-range of the whole font's face, rewritten in app/fonts.ts: the characters it has beyond the subset,
#    so that the browser fetches it only for a page that shows one, and not for a character Geist lacks (✓, ☾).
# Both outputs are committed; run `npm run font:subset` after upgrading `geist` or changing the Latin range.
# Needs fontTools with Brotli (Debian: apt-get install python3-fonttools python3-brotli).
set -euo pipefail
cd "$(dirname "$0")/.."
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import fontTools.subset, brotli' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "fontTools with Brotli is needed: apt-get install python3-fonttools python3-brotli" >&2; exit 1; }
"$python" - <<'PY'
import re
from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2"
FONTS_MODULE = "app/fonts.ts"
DECLARATION = re.compile(r'(prop: "unicode-range", value: ")([^"]*)(")')

module = open(FONTS_MODULE, encoding="utf-8").read()
declarations = list(DECLARATION.finditer(module))
if len(declarations) != 2:
    raise SystemExit(f"{FONTS_MODULE}: expected two unicode-range declarations (the subset's, the whole font's)")
latin, whole = declarations

def code_points(ranges):
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        yield from range(int(first, 16), int(last or first, 16) + 1)

latin_points = set(code_points(latin.group(2)))

options = subset.Options()
options.flavor = "woff2"
options.layout_features = ["*"]
options.drop_tables += ["meta"]
font = TTFont(SOURCE, recalcTimestamp=False)  # the source's date: the same bytes on every run
beyond = sorted(set(font.getBestCmap()) - latin_points)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=latin_points)
subsetter.subset(font)
font.flavor = "woff2"
font.save("assets/fonts/geist-sans-latin.woff2")

spans = []
for point in beyond:
    if spans and spans[-1][1] == point - 1:
        spans[-1][1] = point
    else:
        spans.append([point, point])
rest = ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in spans)
module = module[: whole.start(2)] + rest + module[whole.end(2) :]
open(FONTS_MODULE, "w", encoding="utf-8").write(module)
print(f"assets/fonts/geist-sans-latin.woff2: {len(latin_points)} code points; the whole font's face: {len(beyond)} beyond them")
PY
ls -l assets/fonts/geist-sans-latin.woff2
