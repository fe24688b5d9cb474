#!/usr/bin/env python3
"""Generate a synthetic, varied portfolio of edgeplan workload specs.

Seeded and deterministic (same --seed and --count, same bytes), standard library
only. Metros, services, instance families and carriers come from the catalog
under rules/catalog/, so every spec is valid; the mix covers every placement
kind, residency constraints, on-premises dependencies, Outposts facilities,
5G users, and specs that have no feasible placement.

  bench/gen_portfolio.py --count 10000 --jsonl /tmp/portfolio-10k.jsonl
  bench/gen_portfolio.py --count 500 --dir /tmp/portfolio-500      # one file per spec, 100 per folder
"""
import argparse
import json
import os
import random
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "rules", "catalog")

TEAMS = ["retail", "media", "gaming", "payments", "logistics", "health", "factory", "telco", "energy", "banking"]
APPS = ["pos", "stream", "matchmaker", "ledger", "tracker", "imaging", "vision", "ar", "scada", "portal", "api", "cache"]
ACCESS = ["fiber", "cable", "dsl", "fixed", "lan", "mobile-4g"]
BUDGETS = [10, 15, 20, 25, 30, 35, 40, 50, 60, 60, 80, 80, 100, 120, 150]
FAMILIES = ["m5", "c5", "r5", "m6i", "c6i", "g4dn", "c6gd", "m5d", "r6i", "t3"]
SUPPORT = ["business", "enterprise", "enterprise-on-ramp", "developer"]


def load(name):
    with open(os.path.join(CATALOG, name), encoding="utf-8") as f:
        return json.load(f)


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.metros = load("metros.json")["metros"]
        catalog = load("catalog.json")
        self.services = catalog["service_vocabulary"]
        self.carriers = {}  # metro name -> carriers with a Wavelength Zone there
        for site in catalog["sites"]:
            if site.get("carrier") and site.get("metro"):
                self.carriers.setdefault(site["metro"], []).append(site["carrier"])
        # Most portfolios sit where AWS has sites; a few metros anywhere else.
        site_metros = {s.get("metro") for s in catalog["sites"]}
        self.near_sites = [m for m in self.metros if m["name"] in site_metros]

    def metro(self):
        pool = self.near_sites if self.rng.random() < 0.8 else self.metros
        return self.rng.choice(pool)

    def neighbour(self, home):
        """Another metro in the same country, as user groups of one service usually are."""
        same = [m for m in self.metros if m["country"] == home["country"] and m["name"] != home["name"]]
        return self.rng.choice(same) if same and self.rng.random() < 0.9 else self.metro()

    def users(self, home):
        groups, metros = [], [home] + [self.neighbour(home) for _ in range(self.rng.choice([0, 0, 1, 2]))]
        shares = self.shares(len(metros))
        for i, (m, share) in enumerate(zip(metros, shares)):
            group = {"name": f"{m['name']} users {i + 1}", "location": {"metro": m["name"]}, "share": share,
                     "access": self.rng.choice(ACCESS)}
            carriers = self.carriers.get(m["name"])
            if carriers and self.rng.random() < 0.3:
                group["access"] = "mobile-5g"
                group["carrier"] = self.rng.choice(carriers)
            groups.append(group)
        return groups

    def shares(self, n):
        if n == 1:
            return [1.0]
        cuts = sorted(self.rng.randint(1, 99) for _ in range(n - 1))
        parts = [b - a for a, b in zip([0] + cuts, cuts + [100])]
        parts = [max(p, 1) for p in parts]
        parts[-1] = 100 - sum(parts[:-1])
        return [p / 100 for p in parts] if parts[-1] > 0 else [1.0 / n] * (n - 1) + [1 - (n - 1) / n]

    def facility(self, home, index):
        big = self.rng.random() < 0.6
        return {
            "id": f"site-{index}",
            "name": f"{home['name']} facility {index}",
            "location": {"metro": home["name"]},
            "power_kva": self.rng.choice([15, 20, 30, 45]) if big else self.rng.choice([1, 2, 3]),
            "rack_units": self.rng.choice([84, 126, 168]) if big else self.rng.choice([4, 6, 10]),
            "uplinks": {"count": self.rng.choice([2, 4]), "speed_gbps": self.rng.choice([10, 40, 100])},
            "service_link_mbps": self.rng.choice([500, 1000, 2000]),
        }

    def spec(self, index):
        r = self.rng
        home = self.metro()
        name = f"{r.choice(TEAMS)}-{r.choice(APPS)}-{home['name'].lower().replace(' ', '-').replace('.', '')}-{index:06d}"
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # São Paulo -> sao-paulo
        name = "".join(c for c in name if c.isalnum() or c in "-._")
        # Edge workloads mostly need compute and block storage on site; some need more.
        local = ["EC2"] + (["EBS"] if r.random() < 0.7 else [])
        if r.random() < 0.3:
            local.append(r.choice(["ALB", "EKS", "RDS", "S3", "ElastiCache"]))
        spec = {
            "users": self.users(home),
            "latency": {"users": {"max_rtt_ms": r.choice(BUDGETS), "percentile": r.choice(["p50", "p95", "p95", "p99"])}},
            "services": {"local": local, "regional": r.sample([s for s in self.services if s not in local], 2)},
            "compute": {"vcpu": r.choice([8, 16, 48, 96, 192]), "memory_gib": r.choice([32, 64, 256, 512]),
                        "instance_families": r.sample(FAMILIES, r.randint(1, 2))},
            "customer": {"support_plan": r.choice(SUPPORT), "operates_hardware": r.random() < 0.4},
        }
        if r.random() < 0.25:
            residency = {"countries": [home["country"]]}
            if home.get("subdivision") and r.random() < 0.3:
                residency["subdivisions"] = [home["subdivision"]]
            spec["residency"] = residency
        if r.random() < 0.3:
            facilities = [self.facility(home, i + 1) for i in range(r.choice([1, 1, 2]))]
            spec["customer"]["facilities"] = facilities
            if r.random() < 0.5:
                spec["latency"]["dependencies"] = [{"name": "on-prem database", "facility": facilities[0]["id"],
                                                    "max_rtt_ms": r.choice([2, 5, 10])}]
        if r.random() < 0.2:
            spec["compute"]["growth"] = {"annual_rate": r.choice([0.1, 0.2, 0.3]), "horizon_years": r.choice([1, 3])}
        return {"apiVersion": "edgeplan/v1", "kind": "Workload",
                "metadata": {"name": name, "description": f"Synthetic workload {index} near {home['name']}"},
                "spec": spec}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--jsonl", help="write one spec per line to this file (- for stdout)")
    out.add_argument("--dir", help="write one file per spec under this directory, 100 per folder")
    args = parser.parse_args()
    gen = Generator(args.seed)
    if args.jsonl:
        f = sys.stdout if args.jsonl == "-" else open(args.jsonl, "w", encoding="utf-8")
        for i in range(args.count):
            f.write(json.dumps(gen.spec(i), separators=(",", ":")) + "\n")
        if f is not sys.stdout:
            f.close()
        return
    for i in range(args.count):
        spec = gen.spec(i)
        folder = os.path.join(args.dir, f"{i // 100:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, spec["metadata"]["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(spec, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
