#!/usr/bin/env bash
# Renders Nabla's worked solutions to PNG so anyone can look at them:
#   HTML (MathML)  → PNG with headless Chromium      (Debian: chromium)
#   LaTeX          → PDF with pdflatex → PNG with pdftoppm   (texlive-latex-base, poppler-utils)
#   Markdown       → HTML with pandoc --mathml → PNG with Chromium   (pandoc)
#
#   Scripts/render.sh FILE.nabla|SHEET [OUT_DIR] [LANG]
# writes OUT_DIR/NAME-LANG-{latex,markdown,html}.png (default OUT_DIR=docs, LANG=fr).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="$1"; out="${2:-$root/docs}"; lang="${3:-fr}"
name="$(basename "${input%.*}")"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

nabla="${NABLA:-}"
if [ -z "$nabla" ]; then
    (cd "$root" && swift build --product nabla >&2)
    nabla="$(cd "$root" && swift build --show-bin-path)/nabla"
fi
chrome="$(command -v chromium || command -v chromium-browser || true)"
shot() {  # HTML file → PNG
    [ -n "$chrome" ] || { echo "render.sh: chromium is not installed (apt-get install chromium)" >&2; return 1; }
    "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
        --screenshot="$2" "file://$1" >/dev/null 2>&1
}

"$nabla" solve "$input" --steps --format latex --lang "$lang" -o "$work/$name.tex"
(cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null)
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/$name.pdf" "$out/$name-$lang-latex"

"$nabla" solve "$input" --steps --format html --lang "$lang" -o "$work/$name.html"
shot "$work/$name.html" "$out/$name-$lang-html.png"

"$nabla" solve "$input" --steps --format markdown --lang "$lang" -o "$work/$name.md"
if command -v pandoc >/dev/null 2>&1; then
    pandoc --standalone --mathml --metadata pagetitle="$name" "$work/$name.md" -o "$work/$name-md.html"
    shot "$work/$name-md.html" "$out/$name-$lang-markdown.png"
else
    echo "render.sh: pandoc is not installed: no PNG of the Markdown (apt-get install pandoc)" >&2
fi
ls -1 "$out"/"$name-$lang"-*.png
