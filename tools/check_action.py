#!/usr/bin/env python3
"""Checks the files other tools read from this repository, which no compiler
sees: the GitHub Action (action.yml), the pre-commit hooks
(.pre-commit-hooks.yaml) and the example workflow that uses the action
(examples/ci/github/edgeplan-review.yml).

Usage: tools/check_action.py [REPO_ROOT]   (CTest runs it; needs python3-yaml)
Prints one line per problem and exits 1 if there is any.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def load(relative):
    path = ROOT / relative
    try:
        return yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as error:
        problem(relative, f"not readable YAML: {error}")
        return None


EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def check_action():
    where = "action.yml"
    action = load(where)
    if action is None:
        return {}
    for key in ("name", "description", "inputs", "outputs", "runs"):
        if key not in action:
            problem(where, f"no top-level '{key}'")
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not (spec or {}).get("description"):
            problem(where, f"input '{name}' has no description")
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problem(where, f"runs.using is {runs.get('using')!r}; the comment explains why it is composite")
    steps = runs.get("steps") or []
    ids = [s["id"] for s in steps if "id" in s]
    if len(ids) != len(set(ids)):
        problem(where, f"step ids repeat: {ids}")
    earlier = set()
    for i, step in enumerate(steps):
        label = f"step {i + 1} ({step.get('name', '?')})"
        if "run" in step:
            if "shell" not in step:
                problem(where, f"{label}: a composite run step needs 'shell'")
            # Inputs are handed to scripts in env, never pasted into them (script injection).
            for expression in EXPRESSION.findall(step["run"]):
                problem(where, f"{label}: expression in run: ${{{{{expression}}}}}; pass it in env")
        for expression in EXPRESSION.findall(yaml.safe_dump(step)):
            for name in re.findall(r"inputs\.([A-Za-z0-9_-]+)", expression):
                if name not in inputs:
                    problem(where, f"{label}: unknown input '{name}'")
            for name in re.findall(r"steps\.([A-Za-z0-9_-]+)\.", expression):
                if name not in earlier:
                    problem(where, f"{label}: step '{name}' is not an earlier step")
        if isinstance(step.get("if"), str):
            for name in re.findall(r"inputs\.([A-Za-z0-9_-]+)", step["if"]):
                if name not in inputs:
                    problem(where, f"{label}: unknown input '{name}' in if")
        if "id" in step:
            earlier.add(step["id"])
    for name, output in (action.get("outputs") or {}).items():
        for step_id in re.findall(r"steps\.([A-Za-z0-9_-]+)\.outputs", str((output or {}).get("value", ""))):
            if step_id not in ids:
                problem(where, f"output '{name}' reads step '{step_id}', which does not exist")
    return inputs


def check_hooks():
    where = ".pre-commit-hooks.yaml"
    hooks = load(where)
    if not isinstance(hooks, list):
        problem(where, "expected a list of hooks")
        return
    ids = {hook.get("id") for hook in hooks}
    for wanted in ("edgeplan-validate", "edgeplan-check"):
        if wanted not in ids:
            problem(where, f"no hook '{wanted}'")
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            if key not in hook:
                problem(where, f"hook {hook.get('id')}: no '{key}'")
        if not str(hook.get("entry", "")).startswith("edgeplan "):
            problem(where, f"hook {hook.get('id')}: entry does not run edgeplan")
        try:
            files = re.compile(hook.get("files", ""))
        except re.error as error:
            problem(where, f"hook {hook.get('id')}: files is not a Python regex: {error}")
            continue
        for path, matches in (("workload.json", True), ("services/api/workload.yaml", True), ("specs/workload-eu.yml", True),
                              ("package.json", False), ("workloads/readme.md", False)):
            if bool(files.search(path)) != matches:
                problem(where, f"hook {hook.get('id')}: files {'misses' if matches else 'matches'} {path}")


def check_workflow(inputs):
    where = "examples/ci/github/edgeplan-review.yml"
    workflow = load(where)
    if workflow is None:
        return
    permissions = workflow.get("permissions") or {}
    for key, value in (("contents", "read"), ("security-events", "write")):
        if permissions.get(key) != value:
            problem(where, f"permissions.{key} is not {value}")
    steps = [step for job in (workflow.get("jobs") or {}).values() for step in job.get("steps", [])]
    uses = [step.get("uses", "") for step in steps]
    if "your-org/edgeplan@v1" not in uses:
        problem(where, "no step uses your-org/edgeplan@v1")
    if not any(u.startswith("github/codeql-action/upload-sarif@") for u in uses):
        problem(where, "no step uploads the SARIF")
    for step in steps:
        if step.get("uses") == "your-org/edgeplan@v1":
            for name in step.get("with") or {}:
                if name not in inputs:
                    problem(where, f"the edgeplan step passes '{name}', which action.yml does not declare")
            for name, spec in inputs.items():
                if (spec or {}).get("required") and name not in (step.get("with") or {}):
                    problem(where, f"the edgeplan step does not pass the required input '{name}'")


check_workflow(check_action())
check_hooks()
print("\n".join(problems) if problems else "action.yml, .pre-commit-hooks.yaml and the example workflow: ok")
sys.exit(1 if problems else 0)
