#!/usr/bin/env python3
"""Fails when an #include points up the layer order of ARCHITECTURE.md.

Every source file and public header belongs to one layer; a file may include
headers of its own layer and of the layers below it, never above. Known
violations that predate the rule are listed in tools/layers-baseline.txt (one
"FILE -> HEADER" per line): they are debt to remove, so the check fails both
on a new violation and on a baseline line that no longer occurs (delete it).

Usage: tools/check_layers.py [REPO_ROOT]
"""
import os
import re
import sys

# Lowest first: the order of the data flow (ARCHITECTURE.md, "The layer rule").
LAYERS = ["util", "model", "load", "validate", "candidates", "sizing", "facts", "rules",
          "rank", "explain", "pipeline", "features", "render", "cli"]

# Public headers by layer (include/edgeplan/NAME.hpp).
HEADERS = {
    "util": ["util/text", "util/digest", "util/atomic_file", "util/utf8", "util/snapshots", "util/parallel", "util/json_members", "diagnostics", "exit_codes"],
    "model": ["workload", "catalog", "geo", "json_document", "file_system", "lazy_data", "instance_catalog", "prices", "json_digest"],
    "load": ["catalog_loader", "catalog_snapshot", "prices_loader"],
    "validate": ["schema_validation", "workload_loader"],  # load_workload: read, defaults, checks
    "candidates": ["candidates"],
    "sizing": ["capacity"],
    "facts": ["facts", "latency_model", "cost"],
    "rules": ["rules", "jsonlogic", "default_data"],  # default_data: the embedded catalog's and rules' summary
    "rank": ["rank", "report"],  # the Report is the output model: rank creates its order, later stages fill it
    "explain": ["explain", "robustness", "fallback", "placement_map"],
    "pipeline": ["pipeline", "relax"],
    "features": ["check", "batch", "capacity_report", "rule_tests", "aws_import", "catalog_view", "placement_diff", "cost_report"],
    "render": ["render"],
}

# Source folders by layer (src/core/DIR/), and files that sit elsewhere than their folder says.
FOLDERS = {"util": "util", "load": "load", "validate": "validate", "candidates": "candidates",
           "capacity": "sizing", "facts": "facts", "rules": "rules", "rank": "rank",
           "explain": "explain", "pipeline": "pipeline", "check": "features", "batch": "features", "rule_tests": "features", "catalog_tools": "features", "diff": "features", "cost": "features",
           "render": "render"}
FILES = {
    "src/core/load/workload.cpp": "model",
    "src/core/load/catalog.cpp": "model",
    "src/core/load/json_document.cpp": "model",
    "src/core/load/file_system.cpp": "model",
    "src/core/load/instance_catalog.cpp": "model",
    "src/core/load/prices.cpp": "model",
    "src/core/load/lazy_data.cpp": "model",
    "src/core/capacity/capacity_report.cpp": "features",
}

INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^>"]+)[>"]')


def header_layer(name):
    """The layer of an included header, or None for system and third-party headers."""
    if name.startswith("edgeplan/") and name.endswith(".hpp"):
        stem = name[len("edgeplan/"):-len(".hpp")]
        for layer, stems in HEADERS.items():
            if stem in stems:
                return layer
        raise SystemExit("tools/check_layers.py: header %s has no layer: add it to HEADERS" % name)
    folder = name.split("/")[0]
    if "/" in name and folder in FOLDERS:  # a private header, "render/render_common.hpp"
        return FOLDERS[folder]
    return None


def file_layer(path):
    if path in FILES:
        return FILES[path]
    parts = path.split("/")
    if parts[0] == "include":
        return header_layer("/".join(parts[1:]))
    if parts[:2] in (["src", "cli"], ["src", "snapshot"]):  # the CLI, and the build tool above the library
        return "cli"
    if parts[:2] == ["src", "core"] and parts[2] in FOLDERS:
        return FOLDERS[parts[2]]
    return None


def sources(root):
    for top in ("include", "src"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith((".hpp", ".cpp")):
                    yield os.path.relpath(os.path.join(folder, name), root)


def violations(root):
    found = []
    for path in sorted(sources(root)):
        layer = file_layer(path)
        if layer is None:
            continue
        with open(os.path.join(root, path), encoding="utf-8") as f:
            for line in f:
                m = INCLUDE.match(line)
                target = m and header_layer(m.group(1))
                if target and LAYERS.index(target) > LAYERS.index(layer):
                    found.append("%s -> %s" % (path, m.group(1)))
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    baseline_path = os.path.join(root, "tools", "layers-baseline.txt")
    baseline = set()
    if os.path.exists(baseline_path):
        with open(baseline_path, encoding="utf-8") as f:
            baseline = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    found = violations(root)
    new = [v for v in found if v not in baseline]
    gone = sorted(baseline - set(found))
    for v in new:
        layer_from = file_layer(v.split(" -> ")[0])
        layer_to = header_layer(v.split(" -> ")[1])
        print("error: %s: %s includes %s (%s)" % (v.split(" -> ")[0], layer_from, layer_to, v))
    for v in gone:
        print("error: tools/layers-baseline.txt: \"%s\" no longer occurs: delete the line" % v)
    print("layers: %d files checked, %d upward includes (%d known in the baseline, %d new), %d baseline lines stale"
          % (len(list(sources(root))), len(found), len(found) - len(new), len(new), len(gone)))
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
