#!/usr/bin/env python3
"""Every example's HTML report and SVG map, opened in headless Chromium.

Usage:
  check_pages.py EDGEPLAN_BINARY SOURCE_DIR [--keep DIR]
  check_pages.py --screenshot SPEC_OR_PAGE OUT.png [--window-size W,H] [--edgeplan BINARY]

The first form is the CTest test (tests/CMakeLists.txt). It writes, with EDGEPLAN_BINARY:
  * for every SOURCE_DIR/examples/*/ with a workload.json (else workload.yaml):
    `recommend SPEC --format json` (the workload's name and the winner),
    `recommend SPEC --format html` and `recommend SPEC --format svg`;
  * `batch examples/portfolio --format html` and
    `check examples/ci/specs --rules examples/ci/policy/org --format html`;
then opens each page in headless Chromium (one run: screenshot, DOM dump, log, NetLog) and
checks:
  static   the text: exactly one CSP <meta> (HTML) whose policy starts with
           default-src 'none'; no <script src>, <link>, <iframe>, <object>, <embed>, <img>
           (nor <base>, <frame>, media elements, src/srcset/... attributes), no @import, no
           url() but url(#id), no href but #id, http: and https: only in the SVG, XHTML
           and XLink namespace URIs;
  render   Chromium exits 0 within the time limit, writes the screenshot and a DOM;
  console  no console message at all on Chromium's stderr (a CSP violation, a script
           error and a deprecation all log one; the page has no script that logs);
  network  the NetLog has no http(s)/ws(s) request that the page started (Chromium's own
           background requests, initiator "not an origin", are counted apart: the
           host-resolver rule fails them before anything leaves the machine);
  dom      HTML: the <title> holds "edgeplan" (and, for `recommend`, the workload's
           name), the winner's id is in the text, and a page with no winner has no
           winner marker; SVG: the document is an <svg> with the winner marker when
           there is a winner;
  pixel    (recommend pages with a winner) the screenshot's pixel at the winner marker's
           centre is #0072B2, within 10 per channel.
The page contract the pixel check relies on (tests/browser/README.md): the map <svg> is
the first element child of <body>, body has margin 0, the svg's width and height
attributes equal its viewBox size (page pixel = SVG user unit), and the winner marker is
<circle id="winner" cx=".." cy=".." r=".." fill="#0072B2"> with cx, cy in the svg's own
user space. A standalone SVG is checked the same way, its origin at the screenshot's 0,0.

Before the pages, the controls of tests/data/html run through the same checks: each
broken page must fail the check it is there for, and the good ones must pass everything,
or the test fails whatever the pages do (a detector that sees nothing passes everything).

Exit: 0 all good; 1 a failure (a page, a control, or edgeplan that cannot write the
pages, e.g. no --format html); 77 no Chromium (chromium, chromium-browser, or
$EDGEPLAN_CHROMIUM): the static checks still ran and passed, the browser checks did not
(CTest reports the test as skipped, never as passed).

The second form writes a screenshot with the same Chromium command line (the README's):
SPEC_OR_PAGE is a rendered .html/.svg, or a workload spec that `recommend --format html`
renders first (with --edgeplan, $EDGEPLAN, build/edgeplan, or edgeplan on PATH).

Python standard library only: the PNG decoder is below.
"""
import argparse
import html
import html.parser
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

SKIP = 77
WINNER_RGB = (0x00, 0x72, 0xB2)
TOLERANCE = 10
WINDOW = (1280, 1000)
LOAD_TIMEOUT_MS = 15000   # Chromium's --timeout: capture after this even if still loading
PAGE_TIMEOUT_S = 90       # the process group is killed after this
CHECK_TODAY = "2026-11-26"  # as tests/cli/test_check.cpp and examples/ci/README.md
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink")
CHECKS = ("static", "render", "console", "network", "dom", "pixel")
SKIPPED_MESSAGE = "SKIPPED: chromium not found (apt-get install chromium, or scripts/install-deps.sh)"

# Chromium logs every console message of a page as "[pid:tid:MMDD/HHMMSS.us:INFO:CONSOLE:7] ..."
# (156); older versions wrote "INFO:CONSOLE(7)]". Both forms, whatever the severity.
CONSOLE_RE = re.compile(r":CONSOLE(?:\(\d+\)|:\d+)\]")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CONTROLS_DIR = os.path.join(ROOT, "tests", "data", "html")

# The controls: (file, the checks it must fail, those and no other?, has a winner marker).
# All name the same workload and winner.
CONTROL_WORKLOAD = "control-workload"
CONTROL_WINNER = "ctl/winner-1"
CONTROLS = [
    ("good.html", set(), True, True),
    ("good-map.svg", set(), True, True),
    ("csp-external-image.html", {"console", "static"}, False, False),
    ("network-image.html", {"network"}, False, False),
    ("script-error.html", {"console"}, False, False),
    ("wrong-colour.html", {"pixel"}, True, True),
]


# --- Chromium ---------------------------------------------------------------------------

def find_chromium():
    """The browser to use, None if there is none; exits 1 if $EDGEPLAN_CHROMIUM names nothing."""
    named = os.environ.get("EDGEPLAN_CHROMIUM")
    if named:
        path = shutil.which(named)
        if not path:
            print(f"FAIL: EDGEPLAN_CHROMIUM={named} is not an executable")
            sys.exit(1)
        return path
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_command(chromium, url, png, netlog, profile, window):
    """The one command line of the test and of --screenshot (tests/browser/README.md says why each flag)."""
    return [
        chromium,
        "--headless",                     # the new headless mode (the only one in Chromium >= 132)
        "--no-sandbox",                   # root in a container: the sandbox refuses to start
        "--disable-gpu",
        "--disable-dev-shm-usage",        # Docker's /dev/shm is 64 MB
        f"--user-data-dir={profile}",     # a fresh profile (not off the record: console lines are logged)
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # every DNS lookup fails: nothing leaves the machine
        f"--window-size={window[0]},{window[1]}",
        "--force-device-scale-factor=1",  # one CSS pixel = one screenshot pixel
        "--hide-scrollbars",
        "--enable-logging=stderr",        # console messages on stderr (INFO and up)
        f"--log-net-log={netlog}",        # the network stack's events (JSON)
        f"--timeout={LOAD_TIMEOUT_MS}",
        f"--screenshot={png}",
        "--dump-dom",                     # the DOM after load on stdout
        url,
    ]


class Render:
    def __init__(self):
        self.returncode = None
        self.timed_out = False
        self.ms = 0
        self.dom = ""
        self.stderr = ""
        self.png = None
        self.netlog = None


def render(chromium, page_path, out_dir, window=WINDOW):
    """One Chromium run on page_path: screenshot, DOM dump, stderr log and NetLog in out_dir."""
    os.makedirs(out_dir, exist_ok=True)
    r = Render()
    r.png = os.path.join(out_dir, "screenshot.png")
    r.netlog = os.path.join(out_dir, "netlog.json")
    home = os.path.join(out_dir, "home")   # Chromium writes crash-report and dconf folders under $HOME
    os.makedirs(home, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"), XDG_CACHE_HOME=os.path.join(home, ".cache"))
    command = chromium_command(chromium, "file://" + os.path.abspath(page_path), r.png, r.netlog,
                               os.path.join(out_dir, "profile"), window)
    for stale in (r.png, r.netlog):
        if os.path.exists(stale):
            os.remove(stale)
    start = time.monotonic()
    # A session of its own: on a timeout the whole group (Debian's wrapper script, the
    # browser and its children) is killed by its id.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               cwd=out_dir, start_new_session=True)
    try:
        out, err = process.communicate(timeout=PAGE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        r.timed_out = True
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
    r.ms = round((time.monotonic() - start) * 1000)
    r.returncode = process.returncode
    r.dom = out.decode("utf-8", "replace")
    r.stderr = err.decode("utf-8", "replace")
    with open(os.path.join(out_dir, "dom.html"), "w", encoding="utf-8") as f:
        f.write(r.dom)
    with open(os.path.join(out_dir, "stderr.txt"), "w", encoding="utf-8") as f:
        f.write(r.stderr)
    return r


def console_lines(stderr):
    return [line for line in stderr.splitlines() if CONSOLE_RE.search(line)]


def netlog_requests(path):
    """(requests the page started, Chromium's own requests) with an http(s)/ws(s) URL; raises ValueError."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        log = json.loads(text)
    except ValueError:
        # A log cut short (a killed browser) lacks the closing "]}".
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    start_job = log.get("constants", {}).get("logEventTypes", {}).get("URL_REQUEST_START_JOB")
    if start_job is None:
        raise ValueError("no URL_REQUEST_START_JOB event type in the NetLog's constants")
    page, own = [], []
    for event in log.get("events", []):
        params = event.get("params") or {}
        url = params.get("url")
        if event.get("type") != start_job or not isinstance(url, str) or not re.match(r"(?i)(https?|wss?):", url):
            continue
        # A request a document started carries the document's origin ("null" or "file://" for a
        # file: page); the browser's own (time, update, sign-in checks) carry "not an origin".
        (own if params.get("initiator") == "not an origin" else page).append(url)
    return page, own


# --- PNG --------------------------------------------------------------------------------

class Image:
    def __init__(self, width, height, channels, rows):
        self.width, self.height, self.channels, self.rows = width, height, channels, rows

    def pixel(self, x, y):
        i = x * self.channels
        return tuple(self.rows[y][i:i + 3])


def read_png(path, max_x=None, max_y=None):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes).

    Only rows 0..max_y and columns 0..max_x are unfiltered: every PNG filter reads the
    pixel to the left, above and above-left, never right or below."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace}):"
                         " want 8-bit RGB or RGBA, not interlaced")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError(f"image data is {len(raw)} bytes, want {height * (stride + 1)}")
    rows_wanted = height if max_y is None else min(height, max_y + 1)
    n = stride if max_x is None else min(width, max_x + 1) * bpp
    rows, prev = [], bytearray(stride)
    for y in range(rows_wanted):
        base = y * (stride + 1)
        kind = raw[base]
        line = bytearray(raw[base + 1:base + 1 + stride])
        if kind == 1:      # Sub
            for i in range(bpp, n):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:    # Up
            for i in range(n):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif kind == 3:    # Average
            for i in range(n):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:    # Paeth
            for i in range(n):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            raise ValueError(f"row {y}: unknown filter type {kind}")
        rows.append(line)
        prev = line
    return Image(width, height, bpp, rows)


# --- Reading pages ----------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    """Start tags (name, attributes), the document's <title>, the text, and the first
    element child of <body> (HTML) or the root element (SVG)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []          # (name, {attribute: value}) in document order
        self.title = None
        self.text = []
        self.first_in_body = None
        self.root = None
        self._stack = []
        self._in_body = False
        self._title_parts = None
        self.feed(text)
        self.close()
        self.text = "".join(self.text)

    def _start(self, tag, attrs, empty):
        attributes = {name: (value if value is not None else "") for name, value in attrs}
        self.tags.append((tag, attributes))
        if self.root is None:
            self.root = (tag, attributes)
        if self._in_body and self.first_in_body is None:
            self.first_in_body = (tag, attributes)
        if tag == "body":
            self._in_body = True
        if tag == "title" and self.title is None and "svg" not in self._stack:
            self._title_parts = []
        if not empty and tag not in ("meta", "link", "img", "br", "hr", "input", "base", "col", "embed", "source", "track", "wbr", "area", "param"):
            self._stack.append(tag)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag == "title" and self._title_parts is not None:
            self.title = "".join(self._title_parts).strip()
            self._title_parts = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._title_parts is not None:
            self._title_parts.append(data)
        if not self._stack or self._stack[-1] not in ("script", "style"):
            self.text.append(data)

    def winner_circle(self):
        for tag, attributes in self.tags:
            if tag == "circle" and attributes.get("id") == "winner":
                return attributes
        return None


FORBIDDEN_ELEMENTS = {
    "link": "a <link> element", "iframe": "an <iframe>", "object": "an <object>", "embed": "an <embed>",
    "img": "an <img>", "base": "a <base>", "frame": "a <frame>", "audio": "an <audio>",
    "video": "a <video>", "source": "a <source>", "track": "a <track>",
}
FETCHING_ATTRIBUTES = ("src", "srcset", "poster", "data", "action", "formaction", "ping", "background")


def snippet(text, start, width=60):
    return text[max(0, start - 10):start + width].replace("\n", " ")


def is_relative_link(href):
    """An <a href> to a file beside the page (check links each finding to its
    spec): followed only on a click, never fetched on load. No scheme, no
    network path ("//host"), so it can only name a local file."""
    head = href.split("/", 1)[0]
    return not href.startswith("//") and ":" not in head and "\\" not in href


def static_findings(text, kind):
    """What in the page's text could load something from outside it."""
    findings = []
    page = Page(text)
    if kind == "html":
        policies = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv", "").strip().lower() == "content-security-policy"]
        if len(policies) != 1:
            findings.append(f'{len(policies)} <meta http-equiv="Content-Security-Policy"> elements, want exactly 1')
        elif not policies[0].get("content", "").strip().startswith("default-src 'none'"):
            findings.append(f"the Content-Security-Policy does not start with default-src 'none': {policies[0].get('content', '')!r}")
    for tag, attributes in page.tags:
        if tag == "script" and "src" in attributes:
            findings.append(f"a <script src={attributes['src']!r}>")
        elif tag in FORBIDDEN_ELEMENTS:
            findings.append(FORBIDDEN_ELEMENTS[tag])
        for name in FETCHING_ATTRIBUTES:
            if name in attributes and not (tag == "script" and name == "src"):
                findings.append(f"<{tag} {name}={attributes[name]!r}>")
        for name in ("href", "xlink:href"):
            if name in attributes and not attributes[name].startswith("#") and not (tag == "a" and is_relative_link(attributes[name])):
                findings.append(f"<{tag} {name}={attributes[name]!r}>: only #id links (and <a> to a relative path)")
    for m in re.finditer(r"@import", text, re.I):
        findings.append(f"@import: {snippet(text, m.start())!r}")
    for m in re.finditer(r"url\(\s*(?:&quot;|&#39;|['\"])?\s*([^)'\"\s&]*)", text, re.I):
        if not m.group(1).startswith("#"):
            findings.append(f"url() other than url(#id): {snippet(text, m.start())!r}")
    for m in re.finditer(r"https?:", text, re.I):
        if not any(text.startswith(ns, m.start()) and text[m.start() + len(ns):m.start() + len(ns) + 1] in ('"', "'")
                   for ns in NAMESPACES):
            findings.append(f"an http(s) URL that is not a namespace: {snippet(text, m.start())!r}")
    return list(dict.fromkeys(findings))


def number(value, what):
    m = re.fullmatch(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(px)?\s*", value or "")
    if not m:
        raise ValueError(f"{what} is {value!r}, not a number")
    return float(m.group(1))


def marker_position(svg_attributes, circle):
    """The winner marker's centre in page pixels: checks the contract, raises ValueError."""
    if "viewbox" not in svg_attributes:
        raise ValueError("the map <svg> has no viewBox")
    box = [number(v, "a viewBox value") for v in re.split(r"[\s,]+", svg_attributes["viewbox"].strip())]
    if len(box) != 4:
        raise ValueError(f"viewBox {svg_attributes['viewbox']!r} is not four numbers")
    width = number(svg_attributes.get("width"), "the <svg> width")
    height = number(svg_attributes.get("height"), "the <svg> height")
    if abs(width - box[2]) > 1e-6 or abs(height - box[3]) > 1e-6:
        raise ValueError(f"the <svg> is {width:g}x{height:g} but its viewBox is {box[2]:g}x{box[3]:g}:"
                         " width and height must equal the viewBox size (page pixel = SVG user unit)")
    cx = number(circle.get("cx"), "the winner's cx") - box[0]
    cy = number(circle.get("cy"), "the winner's cy") - box[1]
    return int(cx // 1), int(cy // 1)


# --- Checking one page ------------------------------------------------------------------

class Result:
    def __init__(self, label, path):
        self.label = label
        self.path = path
        self.bytes = os.path.getsize(path) if path and os.path.exists(path) else 0
        self.ms = None
        self.problems = {}      # check -> [messages]; a check in here ran
        self.own_requests = 0

    def record(self, check, messages):
        self.problems.setdefault(check, []).extend(messages)

    def failed(self):
        return {check for check, messages in self.problems.items() if messages}


def check_page(result, kind, expect, chromium, out_dir):
    """Runs every check on result.path. expect: title_words, winner (id or None), pixel (bool), recommend (bool)."""
    with open(result.path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    result.record("static", static_findings(text, kind))
    if chromium is None:
        return
    r = render(chromium, result.path, out_dir)
    result.ms = r.ms
    problems = []
    if r.timed_out:
        problems.append(f"Chromium did not finish within {PAGE_TIMEOUT_S} s (killed)")
    elif r.returncode != 0:
        problems.append(f"Chromium exited {r.returncode}: {(r.stderr.strip().splitlines() or ['(no message)'])[-1]}")
    if not os.path.exists(r.png):
        problems.append("no screenshot written")
    if not r.dom.strip():
        problems.append("no DOM dumped on stdout")
    result.record("render", problems)

    result.record("console", ["console message: " + line for line in console_lines(r.stderr)])

    try:
        page_requests, own = netlog_requests(r.netlog)
        result.own_requests = len(own)
        result.record("network", ["request: " + url for url in page_requests])
    except (OSError, ValueError) as e:
        result.record("network", [f"cannot read the NetLog {r.netlog}: {e}"])

    dom = Page(r.dom)
    problems = []
    winner = expect.get("winner")
    if kind == "html":
        if dom.title is None:
            problems.append("no <title>")
        else:
            for word in expect.get("title_words", []):
                if word not in dom.title:
                    problems.append(f"the <title> {dom.title!r} does not contain {word!r}")
        if winner and winner not in dom.text:
            problems.append(f"the winner's id {winner!r} is not in the page's text")
    elif dom.root is None or dom.root[0] != "svg":
        problems.append(f"the document is not an <svg> (root: {dom.root[0] if dom.root else None})")
    circle = dom.winner_circle()
    if expect.get("recommend") and not winner and circle is not None:
        problems.append('a page with no winner has a <circle id="winner">')
    if winner and expect.get("recommend") and circle is None:
        problems.append('no <circle id="winner"> (the winner marker)')
    result.record("dom", problems)

    if expect.get("pixel"):
        result.record("pixel", pixel_problems(kind, dom, circle, r.png))


def pixel_problems(kind, dom, circle, png):
    if circle is None:
        return ['no <circle id="winner"> to look at']
    svg = dom.first_in_body if kind == "html" else dom.root
    if svg is None or svg[0] != "svg":
        return [f"the first element child of <body> is <{svg[0] if svg else None}>, not the map <svg> (the page contract)"]
    try:
        x, y = marker_position(svg[1], circle)
    except ValueError as e:
        return [str(e)]
    if not (0 <= x < WINDOW[0] and 0 <= y < WINDOW[1]):
        return [f"the winner's centre ({x}, {y}) is outside the {WINDOW[0]}x{WINDOW[1]} screenshot"]
    if not os.path.exists(png):
        return ["no screenshot"]
    try:
        image = read_png(png, max_x=x, max_y=y)
    except (OSError, ValueError, zlib.error) as e:
        return [f"cannot decode {png}: {e}"]
    found = image.pixel(x, y)
    if any(abs(a - b) > TOLERANCE for a, b in zip(found, WINNER_RGB)):
        return ["pixel ({}, {}) is #{:02X}{:02X}{:02X}, want the winner colour #{:02X}{:02X}{:02X} (within {} per channel)".format(
            x, y, *found, *WINNER_RGB, TOLERANCE)]
    return []


# --- Writing the pages with edgeplan ----------------------------------------------------

def run_edgeplan(binary, args, cwd):
    try:
        return subprocess.run([binary] + args, cwd=cwd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return subprocess.CompletedProcess([binary] + args, 4, "", f"cannot run: {e}")


def first_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "(no message)"


def write_page(binary, source, args, out, allowed_codes, unsupported):
    """Runs edgeplan to write out; returns None, or the problem."""
    r = run_edgeplan(binary, args + ["-o", out], source)
    if r.returncode == 2 and re.search(r"--format|html|svg", r.stderr):
        unsupported.add(first_line(r.stderr))
        return f"edgeplan {' '.join(args)} is a usage error (exit 2): {first_line(r.stderr)}"
    if r.returncode not in allowed_codes:
        return f"edgeplan {' '.join(args)} exited {r.returncode}, want {' or '.join(map(str, sorted(allowed_codes)))}: {first_line(r.stderr)}"
    if not os.path.isfile(out) or os.path.getsize(out) == 0:
        return f"edgeplan {' '.join(args)} wrote no {os.path.basename(out)}"
    return None


def example_pages(binary, source, work):
    """[(label, path or None, kind, expect, problem or None)] for every page the test checks."""
    pages = []
    unsupported = set()
    examples = os.path.join(source, "examples")
    for name in sorted(os.listdir(examples)):
        folder = os.path.join(examples, name)
        spec = next((os.path.join(folder, f) for f in ("workload.json", "workload.yaml")
                     if os.path.isfile(os.path.join(folder, f))), None)
        if spec is None:
            continue
        rel = os.path.relpath(spec, source)
        out_dir = os.path.join(work, "pages", name)
        os.makedirs(out_dir, exist_ok=True)
        r = run_edgeplan(binary, ["recommend", rel, "--format", "json"], source)
        try:
            report = json.loads(r.stdout) if r.returncode in (0, 1) else None
        except ValueError:
            report = None
        if report is None:
            problem = f"edgeplan recommend {rel} --format json exited {r.returncode}: {first_line(r.stderr)}"
            pages.append((f"{name}/page.html", None, "html", {}, problem))
            continue
        recommendations = report.get("recommendations") or []
        winner = recommendations[0]["option"]["id"] if r.returncode == 0 and report.get("feasible") and recommendations else None
        expect = {"title_words": ["edgeplan", report.get("workload", name)], "winner": winner,
                  "pixel": winner is not None, "recommend": True}
        for fmt, page in (("html", "page.html"), ("svg", "map.svg")):
            out = os.path.join(out_dir, page)
            problem = write_page(binary, source, ["recommend", rel, "--format", fmt], out, {r.returncode}, unsupported)
            pages.append((f"{name}/{page}", None if problem else out, fmt, expect, problem))
    for label, args in (
            ("portfolio.html", ["batch", "examples/portfolio", "--format", "html", "--no-progress"]),
            ("review.html", ["check", "examples/ci/specs", "--rules", "examples/ci/policy/org", "--today", CHECK_TODAY,
                             "--format", "html"])):
        out = os.path.join(work, "pages", label)
        problem = write_page(binary, source, args, out, {0, 1}, unsupported)
        pages.append((label, None if problem else out, "html", {"title_words": ["edgeplan"]}, problem))
    return pages, unsupported


# --- Main -------------------------------------------------------------------------------

def describe(result):
    ran = [c for c in CHECKS if c in result.problems]
    ms = f"{result.ms:6d} ms" if result.ms is not None else "       --"
    return f"{result.label:<48} {result.bytes:>9,} B {ms}", ran


def print_problems(result):
    for check in CHECKS:
        for message in result.problems.get(check, []):
            print(f"        {check}: {message}")


def check_main(argv):
    parser = argparse.ArgumentParser(prog="check_pages.py", description="Every example's page in headless Chromium (see the docstring).")
    parser.add_argument("edgeplan", metavar="EDGEPLAN_BINARY")
    parser.add_argument("source", metavar="SOURCE_DIR")
    parser.add_argument("--keep", metavar="DIR", help="write the pages, screenshots, DOM dumps, logs and NetLogs here and keep them")
    args = parser.parse_args(argv)
    binary = os.path.abspath(args.edgeplan)
    source = os.path.abspath(args.source)
    if not os.access(binary, os.X_OK):
        print(f"FAIL: {args.edgeplan} is not an executable")
        return 1
    chromium = find_chromium()

    temporary = None
    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        temporary = tempfile.TemporaryDirectory(prefix="edgeplan-browser-")
        work = temporary.name
    try:
        return run_checks(binary, source, chromium, work)
    finally:
        if temporary:
            temporary.cleanup()


def run_checks(binary, source, chromium, work):
    failed = False
    if chromium:
        version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"browser: {chromium} ({version or 'version unknown'})")
    else:
        print("browser: none found; only the static checks run")

    print("controls (tests/data/html: the detector itself; each must fail what it is there to fail):")
    for name, must_fail, exact, marker in CONTROLS:
        path = os.path.join(CONTROLS_DIR, name)
        kind = "svg" if name.endswith(".svg") else "html"
        result = Result(name, path)
        expect = {"title_words": ["edgeplan", CONTROL_WORKLOAD], "winner": CONTROL_WINNER, "pixel": marker, "recommend": marker}
        check_page(result, kind, expect, chromium, os.path.join(work, "controls", name))
        got = result.failed()
        wanted = {c for c in must_fail if c in result.problems}  # without a browser, only "static" ran
        ok = wanted <= got and (got == wanted if exact else True)
        line, _ = describe(result)
        if must_fail:
            verdict = f"fails {', '.join(sorted(got)) or 'nothing'}" + ("" if ok else f"; must fail {', '.join(sorted(wanted))}" + (" and nothing else" if exact else ""))
        else:
            verdict = "passes every check" if ok else f"fails {', '.join(sorted(got))}: a good page must pass"
        print(f"  {'ok  ' if ok else 'FAIL'}  {line}  {verdict}")
        if not ok:
            failed = True
            print_problems(result)
    if failed:
        print("FAIL: a control did not behave: the checks below cannot be trusted")

    pages, unsupported = example_pages(binary, source, work)
    own_requests = 0
    print(f"pages ({len(pages)}):")
    for label, path, kind, expect, problem in pages:
        if problem:
            failed = True
            print(f"  FAIL  {label:<48}  {problem}")
            continue
        result = Result(label, path)
        check_page(result, kind, expect, chromium, os.path.join(work, "browser", label.replace("/", "_")))
        line, ran = describe(result)
        bad = result.failed()
        if bad:
            failed = True
            print(f"  FAIL  {line}  failed: {', '.join(c for c in CHECKS if c in bad)}")
            print_problems(result)
        else:
            print(f"  PASS  {line}  {' '.join(ran)}")
        own_requests += result.own_requests

    if own_requests:
        print(f"(the NetLogs also hold {own_requests} requests of Chromium's own, initiator \"not an origin\":"
              " network time, component updates, sign-in; not the pages', and failed by the host-resolver rule)")
    if unsupported:
        print("FAIL: edgeplan cannot write the pages (usage error): the HTML/SVG renderer is not in this binary?")
        for message in sorted(unsupported):
            print(f"  {message}")
    if failed:
        return 1
    if chromium is None:
        print(SKIPPED_MESSAGE)
        return SKIP
    print(f"all {len(pages)} pages and {len(CONTROLS)} controls good")
    return 0


def screenshot_main(argv):
    parser = argparse.ArgumentParser(prog="check_pages.py --screenshot",
                                     description="A screenshot with the test's Chromium command line (README screenshot).")
    parser.add_argument("page", metavar="SPEC_OR_PAGE", help="a rendered .html/.svg, or a workload spec (rendered with recommend --format html)")
    parser.add_argument("out", metavar="OUT.png")
    parser.add_argument("--window-size", default=f"{WINDOW[0]},{WINDOW[1]}", metavar="W,H")
    parser.add_argument("--edgeplan", metavar="BINARY", help="edgeplan to render a spec with (default: $EDGEPLAN, build/edgeplan, edgeplan on PATH)")
    args = parser.parse_args(argv)
    m = re.fullmatch(r"(\d+)[,x](\d+)", args.window_size)
    if not m:
        parser.error(f"--window-size {args.window_size!r}: want W,H")
    window = (int(m.group(1)), int(m.group(2)))
    if not args.out.endswith(".png"):
        parser.error("OUT must end in .png")
    chromium = find_chromium()
    if chromium is None:
        print(SKIPPED_MESSAGE.replace("SKIPPED", "FAIL"))
        return 1
    with tempfile.TemporaryDirectory(prefix="edgeplan-screenshot-") as work:
        page = os.path.abspath(args.page)
        if not page.endswith((".html", ".htm", ".svg")):
            binary = args.edgeplan or os.environ.get("EDGEPLAN")
            if not binary and os.access(os.path.join(ROOT, "build", "edgeplan"), os.X_OK):
                binary = os.path.join(ROOT, "build", "edgeplan")
            binary = binary or shutil.which("edgeplan")
            if not binary:
                print("FAIL: no edgeplan to render the spec with (--edgeplan BINARY)")
                return 1
            rendered = os.path.join(work, "page.html")
            r = run_edgeplan(os.path.abspath(binary), ["recommend", page, "--format", "html", "-o", rendered], os.getcwd())
            if r.returncode not in (0, 1) or not os.path.isfile(rendered):
                print(f"FAIL: edgeplan recommend {args.page} --format html exited {r.returncode}: {first_line(r.stderr)}")
                return 1
            page = rendered
        r = render(chromium, page, os.path.join(work, "browser"), window)
        if r.timed_out or not os.path.exists(r.png):
            print(f"FAIL: Chromium wrote no screenshot (exit {r.returncode}{', killed after %d s' % PAGE_TIMEOUT_S if r.timed_out else ''})")
            return 1
        shutil.copyfile(r.png, args.out)
        lines = console_lines(r.stderr)
        for line in lines:
            print("console message: " + line)
        print(f"wrote {args.out} ({window[0]}x{window[1]}, {os.path.getsize(args.out):,} bytes, {r.ms} ms)")
        return 1 if lines else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--screenshot":
        return screenshot_main(sys.argv[2:])
    return check_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
