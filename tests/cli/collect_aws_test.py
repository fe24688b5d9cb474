#!/usr/bin/env python3
"""scripts/collect-aws.sh against the fake aws of tests/data/aws/fakebin.

Usage: python3 tests/cli/collect_aws_test.py [REPOSITORY_ROOT]

1. bash -n on the script and the fake aws; --help; usage errors (exit 2).
2. --regions us-east-1,us-west-2,ca-central-1 into a new directory: exit 0, every
   data file equal (as JSON) to the fixture's (a fixture of several pages to its
   merged form: the CLI pages by itself), no other file, and manifest.json equal
   to the fixture manifest but for captured_at and the --start-time/--end-time
   of the network commands.
3. No credentials (FAKE_AWS_NO_CREDENTIALS=1): exit 1, a clear message, and no
   manifest, no file, no directory left.
4. No --regions: the Regions enabled in the fixture's describe-regions, in its
   order; the account-wide calls go to the profile's Region.
5. A failure message with quotes, a backslash, a tab, control characters and
   non-ASCII text is stored in the manifest as the same text; with no Region
   configured, the account-wide calls go to the first of --regions.
6. A non-empty OUTDIR is refused.
Prints one line per failed check; exits 1 if any failed.
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(ROOT, "scripts", "collect-aws.sh")
FAKEBIN = os.path.join(ROOT, "tests", "data", "aws", "fakebin")
FIXTURES = os.path.join(ROOT, "tests", "data", "aws", "collection")
REGIONS = ["us-east-1", "us-west-2", "ca-central-1"]
MANIFEST_KEYS = ["kind", "collector", "captured_at", "account", "aws_cli_version", "regions", "files", "failed"]

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL: " + message)
    return ok


def run(args, env_extra=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PATH"] = FAKEBIN + os.pathsep + env.get("PATH", "")
    env["FAKE_AWS_FIXTURES"] = FIXTURES
    for k in ("AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "FAKE_AWS_NO_CREDENTIALS", "FAKE_AWS_REGION"):
        env.pop(k, None)
    env.update(env_extra or {})
    return subprocess.run(["bash", SCRIPT] + args, env=env, capture_output=True, text=True, timeout=300)


def read_pages(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    decoder, pos, pages = json.JSONDecoder(), 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            return pages
        doc, pos = decoder.raw_decode(text, pos)
        pages.append(doc)


def merged(path):
    out = {}
    for page in read_pages(path):
        for k, v in page.items():
            if k == "NextToken":
                continue
            out[k] = out[k] + v if isinstance(v, list) and isinstance(out.get(k), list) else v
    return out


def tree(top):
    return sorted(os.path.relpath(os.path.join(d, n), top) for d, _, names in os.walk(top) for n in names)


def normalized(manifest):
    m = json.loads(json.dumps(manifest))
    m["captured_at"] = "<captured_at>"
    for entry in m.get("files", []) + m.get("failed", []):
        entry["command"] = re.sub(r"--(start|end)-time \S+", r"--\1-time <time>", entry.get("command", ""))
    return m


def syntax_and_help():
    for path in (SCRIPT, os.path.join(FAKEBIN, "aws")):
        r = subprocess.run(["bash", "-n", path], capture_output=True, text=True)
        check(r.returncode == 0, "bash -n %s: %s" % (path, r.stderr.strip()))
    r = run(["--help"])
    check(r.returncode == 0, "--help exits 0 (got %d)" % r.returncode)
    check(r.stdout.startswith("collect-aws.sh: save the AWS CLI outputs"), "--help starts with the script's purpose")
    for needle in ("Usage: scripts/collect-aws.sh OUTDIR", "--regions r1,r2", "--profile P", "--no-outposts",
                   "--no-network", "manifest.json", "ec2-describe-availability-zones.json",
                   "outposts-get-outpost-instance-types-ID.json", "ec2-get-aws-network-performance-data.json",
                   "Exit status", "ec2:DescribeInstanceTypeOfferings"):
        check(needle in r.stdout, "--help mentions %r" % needle)
    check("#" not in r.stdout and "set -euo" not in r.stdout, "--help prints the comment without '#' and stops at the code")
    for args, what in (([], "no OUTDIR"), (["x", "--bogus"], "an unknown option"),
                       (["x", "--regions", "us_west_2"], "a bad Region code"), (["x", "y"], "two OUTDIRs"),
                       (["x", "--regions"], "--regions without a value")):
        r = run(args)
        check(r.returncode == 2 and "Try '" in r.stderr, "%s is a usage error, exit 2 (got %d: %s)"
              % (what, r.returncode, r.stderr.strip()))


def full_collection(tmp):
    out = os.path.join(tmp, "collection")
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    r = run([out, "--regions", ",".join(REGIONS)])
    after = datetime.datetime.now(datetime.timezone.utc)
    if not check(r.returncode == 0, "the collection exits 0 (got %d): %s" % (r.returncode, r.stderr[-2000:])):
        return
    check(re.fullmatch(r"collect-aws: 20 files, 4 failed; manifest: .*manifest\.json\n", r.stdout) is not None,
          "one summary line on stdout: %r" % r.stdout)
    expected_files, got_files = tree(FIXTURES), tree(out)
    check(got_files == expected_files, "the files written are the fixture's: missing %s, extra %s"
          % (sorted(set(expected_files) - set(got_files)), sorted(set(got_files) - set(expected_files))))
    for rel in expected_files:
        if rel == "manifest.json" or rel not in got_files:
            continue
        with open(os.path.join(out, rel), encoding="utf-8") as f:
            try:
                got = json.load(f)
            except ValueError as e:
                check(False, "%s is one JSON document: %s" % (rel, e))
                continue
        check(got == merged(os.path.join(FIXTURES, rel)), "%s equals the fixture (pages merged)" % rel)

    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(FIXTURES, "manifest.json"), encoding="utf-8") as f:
        fixture = json.load(f)
    check(list(manifest) == MANIFEST_KEYS, "manifest keys are exactly %s (got %s)" % (MANIFEST_KEYS, list(manifest)))
    check(manifest.get("kind") == "AwsCollection", "manifest kind")
    check(manifest.get("account") == "111122223333", "manifest account")
    check(manifest.get("regions") == REGIONS, "manifest regions in --regions order")
    check(manifest.get("aws_cli_version", "").startswith("aws-cli/2.15.0 "), "manifest aws_cli_version")
    stamp = manifest.get("captured_at", "")
    if check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp) is not None, "captured_at is UTC ISO 8601: %r" % stamp):
        t = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
        check(before <= t <= after, "captured_at is the start of the run (%s not in %s..%s)" % (t, before, after))
    listed = [e["file"] for e in manifest.get("files", [])]
    check(sorted(listed) == sorted(f for f in got_files if f != "manifest.json"),
          "the manifest lists every file written, once")
    check(any(e.get("region") == "ca-central-1" and "describe-instance-type-offerings" in e.get("command", "")
              and e.get("status") == 254 and "RequestLimitExceeded" in e.get("message", "")
              for e in manifest.get("failed", [])), "a failed entry for ca-central-1's instance type offerings")
    got_n, want_n = normalized(manifest), normalized(fixture)
    for key in MANIFEST_KEYS:
        if key in ("files", "failed"):
            for i, (g, w) in enumerate(zip(got_n.get(key, []), want_n.get(key, []))):
                check(g == w, "manifest %s[%d]: got %s, want %s" % (key, i, g, w))
            check(len(got_n.get(key, [])) == len(want_n.get(key, [])), "manifest %s: %d entries, want %d"
                  % (key, len(got_n.get(key, [])), len(want_n.get(key, []))))
        else:
            check(got_n.get(key) == want_n.get(key), "manifest %s: got %r, want %r" % (key, got_n.get(key), want_n.get(key)))
    times = re.findall(r"--start-time (\S+) --end-time (\S+)", json.dumps(manifest))
    check(bool(times) and all(s.endswith(":00:00Z") and e.endswith(":00:00Z") for s, e in times),
          "the network window is on the hour: %s" % times[:1])
    if times:
        s, e = (datetime.datetime.strptime(x, "%Y-%m-%dT%H:%M:%SZ") for x in times[0])
        check(e - s == datetime.timedelta(days=7), "the network window is 7 days")


def no_credentials(tmp):
    out = os.path.join(tmp, "nocreds")
    r = run([out, "--regions", "us-west-2"], {"FAKE_AWS_NO_CREDENTIALS": "1"})
    check(r.returncode == 1, "without credentials the script exits 1 (got %d)" % r.returncode)
    check("Unable to locate credentials" in r.stderr and "Nothing was collected" in r.stderr
          and "aws sts get-caller-identity" in r.stderr, "without credentials it says why: %s" % r.stderr[-1500:])
    check(not os.path.exists(out), "without credentials the new OUTDIR is taken back")
    empty = os.path.join(tmp, "nocreds-existing")
    os.mkdir(empty)
    r = run([empty], {"FAKE_AWS_NO_CREDENTIALS": "1"})
    check(r.returncode == 1 and os.path.isdir(empty) and not os.listdir(empty),
          "an existing empty OUTDIR stays, empty (no partial manifest): %s" % os.listdir(empty))


def default_regions(tmp):
    out = os.path.join(tmp, "default")
    r = run([out, "--no-outposts", "--no-network"], {"FAKE_AWS_REGION": "eu-west-1"})
    if not check(r.returncode == 0, "without --regions the script exits 0 (got %d): %s" % (r.returncode, r.stderr[-1500:])):
        return
    with open(os.path.join(FIXTURES, "ec2-describe-regions.json"), encoding="utf-8") as f:
        enabled = [x["RegionName"] for x in json.load(f)["Regions"] if x["OptInStatus"] != "not-opted-in"]
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    check(manifest["regions"] == enabled, "without --regions: the enabled Regions %s (got %s)" % (enabled, manifest["regions"]))
    check(not any("outposts" in e["command"] or "network" in e["command"] for e in manifest["files"] + manifest["failed"]),
          "--no-outposts and --no-network run no such command")
    check(all(e["command"].endswith("--region eu-west-1 --output json") for e in manifest["files"] if e["region"] is None),
          "the account-wide calls go to the profile's Region (aws configure get region)")
    check(not os.path.exists(os.path.join(out, "eu-west-1")), "a Region where everything failed leaves no directory")


def hostile_message(tmp):
    fixtures = os.path.join(tmp, "fixtures")
    shutil.copytree(FIXTURES, fixtures)
    message = 'Say "no" \\ then\ttab \x01\x1f\x7f caf\u00e9 \u2014 end'
    path = os.path.join(fixtures, "manifest.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    for entry in manifest["failed"]:
        if "describe-instance-type-offerings" in entry["command"]:
            entry["message"] = message
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False)
    out = os.path.join(tmp, "hostile")
    r = run([out, "--regions", "ca-central-1", "--no-outposts", "--no-network"], {"FAKE_AWS_FIXTURES": fixtures})
    if not check(r.returncode == 0, "hostile message run exits 0 (got %d): %s" % (r.returncode, r.stderr[-1500:])):
        return
    with open(os.path.join(out, "manifest.json"), "rb") as f:
        raw = f.read()
    try:
        got = json.loads(raw.decode("utf-8"))
    except ValueError as e:
        check(False, "a hostile message leaves the manifest valid UTF-8 JSON: %s" % e)
        return
    check(all(e["command"].endswith("--region ca-central-1 --output json") for e in got["files"] if e["region"] is None),
          "with no Region configured, the account-wide calls go to the first of --regions")
    messages = [e["message"] for e in got["failed"]]
    check(messages == [message], "the message is kept as it was: %r" % messages)
    check(not re.search(rb"[\x00-\x1f]", raw.replace(b"\n", b"")), "no raw control character in the manifest")


def not_empty(tmp):
    out = os.path.join(tmp, "busy")
    os.mkdir(out)
    with open(os.path.join(out, "old.json"), "w") as f:
        f.write("{}")
    r = run([out, "--regions", "us-west-2"])
    check(r.returncode == 1 and "not empty" in r.stderr, "a non-empty OUTDIR is refused (got %d: %s)"
          % (r.returncode, r.stderr.strip()))
    check(os.listdir(out) == ["old.json"], "a refused OUTDIR is left as it was")


def main():
    with tempfile.TemporaryDirectory(prefix="collect-aws-test.") as tmp:
        syntax_and_help()
        full_collection(tmp)
        no_credentials(tmp)
        default_regions(tmp)
        hostile_message(tmp)
        not_empty(tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("collect-aws: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
