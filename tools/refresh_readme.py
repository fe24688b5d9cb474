#!/usr/bin/env python3
"""Refresh the command outputs quoted in README.md from the built binary.

Each quoted block starts with a line "$ edgeplan ..." inside a ``` fence; this
re-runs every such command (from the repository root, NO_COLOR=1) and replaces
the output up to the next "$ " line or the closing fence. Review the diff: the
README pins what users see, so a changed output is a change to explain.
Also regenerates the examples table. Usage: python3 tools/refresh_readme.py [build-dir]
"""
import glob, json, os, re, subprocess, sys

build = sys.argv[1] if len(sys.argv) > 1 else "build"
binary = os.path.join(build, "edgeplan")

def run(command):
    cmd = binary + command[len("edgeplan"):]
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return (r.stdout + r.stderr).rstrip("\n").split("\n")

def refresh_blocks(lines):
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not line.startswith("$ edgeplan"):
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
        if "--explain" in command or "capacity" in command:
            output = trim(command, output)
        out.extend(output)
    return out

def trim(command, output):
    if "--explain" in command:
        k = next(i for i, l in enumerate(output) if l.startswith("Facts"))
        return output[: k + 1] + ["{ ... every fact the rules saw ... }"]
    if "--outpost" in command:
        k = next(i for i, l in enumerate(output) if l.startswith("Existing Outpost"))
        return ["..."] + output[k:]
    k0 = next(i for i, l in enumerate(output) if "rack-gen2-single —" in l)
    k1 = next(i for i, l in enumerate(output) if "server-1u —" in l)
    return output[:8] + ["  ... (rack-gen1 and rack-gen2-multi plans)"] + output[k0:k1] + ["  ... (server plans: discontinued)"]

def examples_table():
    rows = ["| example | use case | result |", "|---|---|---|"]
    for path in sorted(glob.glob("examples/*/workload.json")):
        name = path.split("/")[1]
        spec = json.load(open(path))
        r = subprocess.run([binary, "recommend", path, "--format", "json"], capture_output=True, text=True)
        report = json.loads(r.stdout)
        top = report["recommendations"][0]["option"] if report["recommendations"] else None
        result = (f"`{top['id']}` ({top['kind']})" if top else "no feasible placement (exit 1)") + " — " + report["summary"]["text"]
        rows.append(f"| [`{name}`](examples/{name}/workload.json) | {spec['metadata'].get('description', '')} | {result} |")
    return rows

lines = open("README.md").read().split("\n")
lines = refresh_blocks(lines)
start = next(i for i, l in enumerate(lines) if l.startswith("| example | use case | result |"))
end = start
while end < len(lines) and lines[end].startswith("|"):
    end += 1
lines[start:end] = examples_table()
open("README.md", "w").write("\n".join(lines))
