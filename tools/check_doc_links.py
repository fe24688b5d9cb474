#!/usr/bin/env python3
"""Check the relative links and anchors of the repository's Markdown files.

For every *.md file (tracked or new and not ignored; with no git, every *.md
below the root outside build*/, node_modules and dot-folders), every inline link
or image `[text](target)`, reference definition `[label]: target` and HTML
`href="target"` outside fenced code blocks and code spans is checked:

- a relative path must exist (file or folder), resolved from the linking file;
- an anchor (`#frag`, `FILE.md#frag`) must name a heading of that Markdown file,
  slugged as GitHub does (lower case, punctuation dropped, spaces to hyphens,
  -1, -2 … for repeated headings), or an explicit `<a name|id="frag">`.

External links (http:, https:, mailto:, …) are not fetched. Anchors into files
other than Markdown (e.g. `#L10` on source files) are not checked.

Prints FILE:LINE: message for each broken link and exits 1 if there is any,
0 otherwise. Usage: python3 tools/check_doc_links.py [FILE.md...]
"""
import os
import re
import subprocess
import sys
from urllib.parse import unquote

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
INLINE_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""")
HTML_ANCHOR = re.compile(r"""<a\s[^>]*\b(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def markdown_files():
    try:
        r = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.md"],
                           cwd=ROOT, capture_output=True, text=True, check=True)
        files = [f for f in r.stdout.split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for top, dirs, names in os.walk(ROOT):
            dirs[:] = [d for d in dirs if not d.startswith((".", "build")) and d != "node_modules"]
            files += [os.path.relpath(os.path.join(top, n), ROOT) for n in names if n.endswith(".md")]
    return sorted(set(f for f in files if os.path.isfile(os.path.join(ROOT, f))))


def prose_lines(text):
    """(line number, line) outside fenced code blocks; code spans blanked out."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        yield number, CODE_SPAN.sub(lambda c: "`" + "x" * len(c.group(2)) + "`", line)


def slug(heading):
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links and images: their text
    text = re.sub(r"<[^>]+>", "", text)                          # inline HTML
    text = text.replace("`", "").replace("*", "")
    text = re.sub(r"(?<!\w)_+|_+(?!\w)", "", text)               # _emphasis_, not snake_case
    text = text.strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in "-_ " or (c.isalpha()))
    return text.replace(" ", "-")


_anchors = {}


def anchors(path):
    """Every anchor a Markdown file defines."""
    if path in _anchors:
        return _anchors[path]
    found, seen = set(), {}
    text = open(path, encoding="utf-8").read()
    raw = text.split("\n")
    previous = None
    for number, line in prose_lines(text):
        heading = None
        m = ATX.match(line)
        if m:
            heading = raw[number - 1]
            heading = ATX.match(heading).group(2) or ""
        elif SETEXT.match(line) and previous and previous[0] == number - 1 and previous[1].strip() \
                and not previous[1].lstrip().startswith(("|", ">", "-", "*", "+")) and not ATX.match(previous[1]):
            heading = raw[number - 2].strip()
        if heading is not None:
            base = slug(heading)
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
        for a in HTML_ANCHOR.findall(line):
            found.add(a)
        previous = (number, line)
    _anchors[path] = found
    return found


def targets(line):
    for m in INLINE_LINK.finditer(line):
        yield m.group(2)
    m = REF_DEF.match(line)
    if m:
        yield m.group(1)
    for m in HREF.finditer(line):
        yield m.group(1)


def check(doc):
    problems = []
    path = os.path.join(ROOT, doc)
    text = open(path, encoding="utf-8").read()
    for number, line in prose_lines(text):
        for target in targets(line):
            target = target.strip("<>")
            if not target or SCHEME.match(target) or target.startswith("//"):
                continue
            file_part, _, fragment = target.partition("#")
            file_part = unquote(file_part)
            if file_part.startswith("/"):
                resolved = os.path.normpath(os.path.join(ROOT, file_part.lstrip("/")))
            elif file_part:
                resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part))
            else:
                resolved = path
            if not os.path.exists(resolved):
                problems.append(f"{doc}:{number}: broken link {target!r}: {os.path.relpath(resolved, ROOT)} does not exist")
                continue
            if fragment and resolved.endswith(".md") and os.path.isfile(resolved):
                if unquote(fragment) not in anchors(resolved):
                    problems.append(f"{doc}:{number}: broken anchor {target!r}: no heading "
                                    f"'#{fragment}' in {os.path.relpath(resolved, ROOT)}")
    return problems


def main(argv):
    docs = [os.path.relpath(os.path.abspath(f), ROOT) for f in argv] or markdown_files()
    problems = []
    for doc in docs:
        problems += check(doc)
    for p in problems:
        print(p)
    if problems:
        print(f"check_doc_links: {len(problems)} broken link(s) in {len(docs)} Markdown file(s)", file=sys.stderr)
        return 1
    print(f"check_doc_links: {len(docs)} Markdown file(s), every relative link and anchor resolves", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
