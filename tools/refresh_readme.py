#!/usr/bin/env python3
"""Refresh the command outputs quoted in the Markdown docs from the built binary.

Marker convention: inside a ``` fence, a line "$ edgeplan ..." is a command whose
output follows it. This re-runs every such command (from the repository root,
NO_COLOR=1, stdout then stderr) and replaces the output up to the next "$ " line or
the closing fence. A command ending in "| head -N" keeps a "..." line that follows
its output. `recommend --explain` and `capacity` outputs are trimmed (see trim()).
Review the diff: the docs pin what users see, so a changed output is a change to
explain.

Files: every tracked or new (not ignored) *.md file of the repository that has a
marker; with no git, every *.md below the root outside build*/, node_modules and
dot-folders. A file holding the examples table (header "| example | use case |
result |") gets it regenerated from examples/*/workload.json.

Usage: python3 tools/refresh_readme.py [build-dir] [FILE.md...]
  build-dir defaults to build (relative to the current directory); FILE.md limits the
  refresh to those files.
"""
import glob, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
only = [os.path.relpath(os.path.abspath(f), ROOT) for f in sys.argv[2:]]
binary = os.path.join(build, "edgeplan")
if not os.access(binary, os.X_OK):
    sys.exit(f"refresh_readme.py: no edgeplan binary at {binary}")
os.chdir(ROOT)
EXAMPLES_HEADER = "| example | use case | result |"

def markdown_files():
    try:
        r = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.md"],
                           capture_output=True, text=True, check=True)
        files = [f for f in r.stdout.split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for top, dirs, names in os.walk("."):
            dirs[:] = [d for d in dirs if not d.startswith((".", "build")) and d != "node_modules"]
            files += [os.path.relpath(os.path.join(top, n)) for n in names if n.endswith(".md")]
    return sorted(set(f for f in files if os.path.isfile(f)))

def has_marker(lines):
    fenced = False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        elif fenced and line.startswith("$ edgeplan"):
            return True
    return False

def run(command):
    cmd = binary + command[len("edgeplan"):]
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return (r.stdout + r.stderr).rstrip("\n").split("\n")

def refresh_blocks(lines):
    out, i, fenced = [], 0, False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced or not line.startswith("$ edgeplan"):
            continue
        command = line[2:]
        keep_head = None
        m = re.search(r"\| head -(\d+)$", command)
        if m:
            keep_head = int(m.group(1))
        output = run(command)
        if keep_head:
            output = output[:keep_head]
        # skip the old output: up to the next "$ " line or the closing fence
        while i < len(lines) and not lines[i].startswith("$ ") and lines[i] != "```":
            if lines[i] == "..." and keep_head:
                break
            i += 1
        if not keep_head:
            output = trim(command, output)
        out.extend(output)
    return out

def trim(command, output):
    if "--explain" in command:
        k = next(i for i, l in enumerate(output) if l.startswith("Facts"))
        return output[: k + 1] + ["{ ... every fact the rules saw ... }"]
    if not command.startswith("edgeplan capacity"):
        return output
    if "--outpost" in command:
        k = next(i for i, l in enumerate(output) if l.startswith("Existing Outpost"))
        return ["..."] + output[k:]
    k0 = next(i for i, l in enumerate(output) if "rack-gen2-single —" in l)
    k1 = next(i for i, l in enumerate(output) if "server-1u —" in l)
    return output[:8] + ["  ... (rack-gen1 and rack-gen2-multi plans)"] + output[k0:k1] + ["  ... (server plans: discontinued)"]

def examples_table(doc):
    """The examples table, with links relative to the document that holds it."""
    rows = [EXAMPLES_HEADER, "|---|---|---|"]
    for path in sorted(glob.glob("examples/*/workload.json")):
        name = path.split("/")[1]
        spec = json.load(open(path))
        r = subprocess.run([binary, "recommend", path, "--format", "json"], capture_output=True, text=True)
        report = json.loads(r.stdout)
        top = report["recommendations"][0]["option"] if report["recommendations"] else None
        result = (f"`{top['id']}` ({top['kind']})" if top else "no feasible placement (exit 1)") + " — " + report["summary"]["text"]
        link = os.path.relpath(path, os.path.dirname(doc) or ".")
        rows.append(f"| [`{name}`]({link}) | {spec['metadata'].get('description', '')} | {result} |")
    return rows

def refresh(doc):
    text = open(doc, encoding="utf-8").read()
    lines = text.split("\n")
    has_table = any(l.startswith(EXAMPLES_HEADER) for l in lines)
    if not has_marker(lines) and not has_table:
        return False
    lines = refresh_blocks(lines)
    if has_table:
        start = next(i for i, l in enumerate(lines) if l.startswith(EXAMPLES_HEADER))
        end = start
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        lines[start:end] = examples_table(doc)
    new = "\n".join(lines)
    if new != text:
        open(doc, "w", encoding="utf-8").write(new)
    return True

refreshed = [doc for doc in (only or markdown_files()) if refresh(doc)]
print("refreshed: " + (", ".join(refreshed) if refreshed else "no file has a marker"), file=sys.stderr)
