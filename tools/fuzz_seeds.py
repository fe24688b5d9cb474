#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target (fuzz/README.md) into a directory.

Seeds are the repository's own inputs of that kind (examples, tests/data, the
shipped rules), read at run time so the corpus never drifts from them. Targets
that take JSON or YAML get a first byte choosing the reader (fuzz/harness.hpp).
Usage: tools/fuzz_seeds.py TARGET OUTDIR
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

DOCUMENT_SEEDS = {
    "fuzz_workload": ["examples/*/workload.*", "examples/ci/specs/**/*.json", "examples/portfolio/**/*.json",
                      "tests/data/bad/*", "tests/data/hostile/*", "tests/data/check/**/*.json",
                      "tests/data/relax-joint.json", "tests/data/capacity-power-short.json"],
    "fuzz_rule_pack": ["rules/default/*.json", "tests/data/rulepacks/*/*.*", "examples/ci/policy/**/*.json",
                       "examples/ci/policy/**/*.yaml", "tests/data/bad/rule-*", "tests/data/hostile/rule-*"],
    "fuzz_catalog_overlay": ["tests/data/catalog-overlay-hosts.*", "tests/data/bad/catalog-*", "tests/data/account/existing-outposts.json",
                             "tests/data/catalog-view/*.json"],
    "fuzz_latency_file": ["tests/data/latency/*.json", "tests/data/hostile/latency-*"],
    "fuzz_prices": ["tests/data/prices/*", "tests/data/hostile/prices-*"],
    "fuzz_outpost_export": ["examples/shared-outpost/outpost-capacity.json", "tests/data/outposts/*",
                            "tests/data/bad/outpost-*", "tests/data/hostile/outpost-*"],
}


def files(patterns):
    found = set()
    for pattern in patterns:
        found.update(p for p in ROOT.glob(pattern) if p.is_file())
    return sorted(found)


def document_seeds(target):
    for path in files(DOCUMENT_SEEDS[target]):
        selector = 1 if path.suffix in (".yaml", ".yml") else 0
        yield bytes([selector]) + path.read_bytes()
        if target == "fuzz_workload":  # and once asking for the full report (fuzz/fuzz_workload.cpp)
            yield bytes([selector | 2]) + path.read_bytes()


def jsonlogic_seeds():
    # The official suite's cases ([logic, data, expected]) and every shipped rule's logic.
    for case in json.loads((ROOT / "tests/data/jsonlogic/tests.json").read_text()):
        if isinstance(case, list) and len(case) >= 2:
            yield (json.dumps(case[0]) + "\n" + json.dumps(case[1])).encode()
    for path in files(["rules/default/*.json"]):
        for rule in json.loads(path.read_text()).get("rules", []):
            for key in ("condition", "score", "for_each", "value"):
                if key in rule:
                    yield (json.dumps(rule[key]) + "\n{}").encode()


def batch_stream_seeds():
    for path in files(["examples/portfolio-intake/*.jsonl", "tests/data/*.jsonl"]):
        lines = path.read_bytes().splitlines(keepends=True)
        for start in range(0, len(lines), 4):
            yield b"".join(lines[start:start + 4])


def raw_seeds(patterns):
    # Targets that read the file as it is (no syntax byte): fuzz/fuzz_aws_import.cpp, fuzz/fuzz_recorded_result.cpp.
    for path in files(patterns):
        yield path.read_bytes()


RAW_SEEDS = {
    "fuzz_aws_import": ["tests/data/aws/collection/**/*.json", "tests/data/aws/bad/*", "tests/data/aws/pricing/**/*.json"],
    "fuzz_recorded_result": ["tests/golden/recommend/*.json", "tests/golden/batch/*.jsonl", "tests/data/hostile/diff-*"],
}


def main(target, outdir):
    out = pathlib.Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    if target in DOCUMENT_SEEDS:
        seeds = document_seeds(target)
    elif target in RAW_SEEDS:
        seeds = raw_seeds(RAW_SEEDS[target])
    elif target == "fuzz_jsonlogic":
        seeds = jsonlogic_seeds()
    elif target == "fuzz_batch_stream":
        seeds = batch_stream_seeds()
    else:
        sys.exit(f"fuzz_seeds.py: unknown target {target}")
    count = 0
    for seed in seeds:
        (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
        count += 1
    print(f"{target}: {count} seeds")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
