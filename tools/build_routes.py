#!/usr/bin/env python3
"""Builds rules/catalog/routes.json, the long-haul route graph of the RTT model.

Hubs are cities where long-haul routes meet (every AWS Region city and the
transit points between them). Links are of two media:

* terrestrial: hub to hub over land (or a short sea crossing); the length
  written is the great-circle distance, and the model applies the conduit
  stretch at run time (rules/catalog/LATENCY-MODEL.md);
* submarine: hub to hub over a named cable system; the length written is the
  length along the cable's drawn route between the landing points nearest to
  each hub, plus the great-circle backhaul from each hub to its landing point.

Cable routes and landing points come from TeleGeography's Submarine Cable Map
data (github.com/telegeography/www.submarinecablemap.com, public/api/v2,
licence CC BY-NC-SA 3.0, see rules/catalog/SOURCES.md). Only derived figures
(lengths, cable names, ready-for-service years) are written; no upstream file
is copied.

Usage: tools/build_routes.py <checkout of www.submarinecablemap.com> [out]
       (reads public/api/v2/cable/*.json and cable-geo.json)
"""
import heapq
import json
import math
import os
import re
import statistics
import sys

EARTH_KM = 6371.0

# id, name, lat, lon
HUBS = [
    # North America
    ("seattle", "Seattle", 47.61, -122.33), ("portland", "Portland", 45.52, -122.68),
    ("san-francisco", "San Francisco", 37.77, -122.42), ("los-angeles", "Los Angeles", 34.05, -118.24),
    ("phoenix", "Phoenix", 33.45, -112.07), ("salt-lake-city", "Salt Lake City", 40.76, -111.89),
    ("denver", "Denver", 39.74, -104.99), ("calgary", "Calgary", 51.05, -114.07),
    ("vancouver", "Vancouver", 49.28, -123.12), ("winnipeg", "Winnipeg", 49.90, -97.14),
    ("minneapolis", "Minneapolis", 44.98, -93.27), ("kansas-city", "Kansas City", 39.10, -94.58),
    ("dallas", "Dallas", 32.78, -96.80), ("houston", "Houston", 29.76, -95.37),
    ("chicago", "Chicago", 41.88, -87.63), ("columbus", "Columbus", 39.96, -83.00),
    ("atlanta", "Atlanta", 33.75, -84.39), ("miami", "Miami", 25.76, -80.19),
    ("ashburn", "Ashburn", 39.04, -77.49), ("new-york", "New York", 40.71, -74.01),
    ("boston", "Boston", 42.36, -71.06), ("toronto", "Toronto", 43.65, -79.38),
    ("montreal", "Montreal", 45.50, -73.57), ("queretaro", "Queretaro", 20.59, -100.39),
    ("mexico-city", "Mexico City", 19.43, -99.13), ("honolulu", "Honolulu", 21.31, -157.86),
    # Latin America
    ("panama", "Panama City", 8.98, -79.52), ("bogota", "Bogota", 4.71, -74.07),
    ("lima", "Lima", -12.05, -77.04), ("santiago", "Santiago", -33.45, -70.67),
    ("buenos-aires", "Buenos Aires", -34.60, -58.38), ("sao-paulo", "Sao Paulo", -23.55, -46.63),
    ("fortaleza", "Fortaleza", -3.73, -38.52),
    # Europe
    ("london", "London", 51.51, -0.13), ("dublin", "Dublin", 53.35, -6.26),
    ("paris", "Paris", 48.86, 2.35), ("amsterdam", "Amsterdam", 52.37, 4.90),
    ("frankfurt", "Frankfurt", 50.11, 8.68), ("zurich", "Zurich", 47.38, 8.54),
    ("milan", "Milan", 45.46, 9.19), ("marseille", "Marseille", 43.30, 5.37),
    ("madrid", "Madrid", 40.42, -3.70), ("zaragoza", "Zaragoza", 41.65, -0.89),
    ("barcelona", "Barcelona", 41.39, 2.17), ("lisbon", "Lisbon", 38.72, -9.14),
    ("hamburg", "Hamburg", 53.55, 9.99), ("copenhagen", "Copenhagen", 55.68, 12.57),
    ("oslo", "Oslo", 59.91, 10.75), ("stockholm", "Stockholm", 59.33, 18.07),
    ("berlin", "Berlin", 52.52, 13.40), ("warsaw", "Warsaw", 52.23, 21.01),
    ("vienna", "Vienna", 48.21, 16.37), ("rome", "Rome", 41.90, 12.50),
    ("catania", "Catania", 37.50, 15.09), ("athens", "Athens", 37.98, 23.73),
    ("istanbul", "Istanbul", 41.01, 28.98),
    # Middle East and Africa
    ("tel-aviv", "Tel Aviv", 32.09, 34.78), ("alexandria", "Alexandria", 31.20, 29.92),
    ("suez", "Suez", 29.97, 32.55), ("jeddah", "Jeddah", 21.49, 39.19),
    ("djibouti", "Djibouti", 11.59, 43.15), ("muscat", "Muscat", 23.59, 58.41),
    ("fujairah", "Fujairah", 25.13, 56.33), ("dubai", "Dubai", 25.20, 55.27),
    ("doha", "Doha", 25.29, 51.53), ("manama", "Manama", 26.23, 50.59),
    ("mombasa", "Mombasa", -4.04, 39.67), ("durban", "Durban", -29.86, 31.02),
    ("johannesburg", "Johannesburg", -26.20, 28.05), ("cape-town", "Cape Town", -33.92, 18.42),
    ("luanda", "Luanda", -8.84, 13.23), ("lagos", "Lagos", 6.52, 3.38),
    ("dakar", "Dakar", 14.69, -17.45),
    # Asia
    ("mumbai", "Mumbai", 19.08, 72.88), ("hyderabad", "Hyderabad", 17.39, 78.49),
    ("chennai", "Chennai", 13.08, 80.27), ("singapore", "Singapore", 1.35, 103.82),
    ("kuala-lumpur", "Kuala Lumpur", 3.14, 101.69), ("bangkok", "Bangkok", 13.76, 100.50),
    ("jakarta", "Jakarta", -6.21, 106.85), ("hong-kong", "Hong Kong", 22.32, 114.17),
    ("taipei", "Taipei", 25.03, 121.57), ("manila", "Manila", 14.60, 120.98),
    ("tokyo", "Tokyo", 35.68, 139.69), ("osaka", "Osaka", 34.69, 135.50),
    ("seoul", "Seoul", 37.57, 126.98), ("busan", "Busan", 35.18, 129.08),
    ("guam", "Guam", 13.44, 144.79),
    # Oceania
    ("sydney", "Sydney", -33.87, 151.21), ("melbourne", "Melbourne", -37.81, 144.96),
    ("adelaide", "Adelaide", -34.93, 138.60), ("perth", "Perth", -31.95, 115.86),
    ("auckland", "Auckland", -36.85, 174.76),
]

# Long-haul terrestrial fibre corridors between neighbouring hubs (national
# backbones along motorways and railways; short sea crossings such as the
# Channel or the Irish Sea are counted as terrestrial).
TERRESTRIAL = [
    ("seattle", "portland"), ("seattle", "vancouver"), ("vancouver", "calgary"), ("portland", "san-francisco"),
    ("portland", "salt-lake-city"), ("san-francisco", "los-angeles"), ("san-francisco", "salt-lake-city"),
    ("los-angeles", "phoenix"), ("phoenix", "dallas"), ("salt-lake-city", "denver"), ("denver", "kansas-city"),
    ("denver", "dallas"), ("calgary", "winnipeg"), ("winnipeg", "toronto"), ("winnipeg", "minneapolis"),
    ("minneapolis", "chicago"), ("kansas-city", "chicago"), ("kansas-city", "dallas"), ("dallas", "houston"),
    ("dallas", "atlanta"), ("houston", "atlanta"), ("chicago", "columbus"), ("chicago", "toronto"),
    ("columbus", "ashburn"), ("columbus", "new-york"), ("ashburn", "new-york"), ("ashburn", "atlanta"),
    ("atlanta", "miami"), ("new-york", "boston"), ("boston", "montreal"), ("new-york", "montreal"),
    ("toronto", "montreal"), ("houston", "queretaro"), ("queretaro", "mexico-city"),
    ("panama", "bogota"), ("bogota", "lima"), ("lima", "santiago"), ("santiago", "buenos-aires"),
    ("buenos-aires", "sao-paulo"), ("sao-paulo", "fortaleza"),
    ("london", "paris"), ("london", "amsterdam"), ("london", "dublin"), ("paris", "frankfurt"),
    ("amsterdam", "frankfurt"), ("amsterdam", "hamburg"), ("hamburg", "copenhagen"), ("copenhagen", "stockholm"),
    ("copenhagen", "oslo"), ("oslo", "stockholm"), ("hamburg", "berlin"), ("frankfurt", "berlin"),
    ("berlin", "warsaw"), ("frankfurt", "zurich"), ("zurich", "milan"), ("paris", "marseille"),
    ("marseille", "milan"), ("paris", "madrid"), ("madrid", "zaragoza"), ("zaragoza", "barcelona"),
    ("barcelona", "marseille"), ("madrid", "lisbon"), ("frankfurt", "vienna"), ("vienna", "warsaw"),
    ("vienna", "istanbul"), ("milan", "rome"), ("rome", "catania"), ("athens", "istanbul"),
    ("alexandria", "suez"), ("dubai", "fujairah"), ("fujairah", "muscat"), ("dubai", "doha"),
    ("johannesburg", "cape-town"), ("johannesburg", "durban"),
    ("mumbai", "hyderabad"), ("hyderabad", "chennai"), ("mumbai", "chennai"),
    ("singapore", "kuala-lumpur"), ("kuala-lumpur", "bangkok"),
    ("tokyo", "osaka"), ("seoul", "busan"),
    ("sydney", "melbourne"), ("melbourne", "adelaide"), ("adelaide", "perth"),
]

# Submarine corridors: hub pairs joined by at least one cable system in
# service. The cable is chosen from the data (shortest route among systems
# landing within SEARCH_KM of both hubs); a name forces one system, and a
# fourth member widens the search radius for hubs far from the coast.
SUBMARINE = [
    # Atlantic
    ("new-york", "london", None), ("new-york", "dublin", None), ("ashburn", "paris", "dunant", 450.0),
    ("ashburn", "madrid", "marea"), ("boston", "london", None), ("new-york", "sao-paulo", "seabras-1"),
    ("miami", "fortaleza", "monet"), ("fortaleza", "lisbon", "ellalink"), ("miami", "panama", None),
    ("panama", "lima", None), ("lima", "santiago", None),
    ("luanda", "fortaleza", None), ("cape-town", "luanda", None), ("luanda", "lagos", None),
    ("lagos", "dakar", None), ("dakar", "lisbon", None), ("lagos", "lisbon", None), ("cape-town", "london", None),
    # Pacific
    ("portland", "tokyo", "faster"), ("los-angeles", "tokyo", None), ("los-angeles", "honolulu", None), ("san-francisco", "honolulu", None), ("sydney", "los-angeles", None),
    ("portland", "honolulu", None), ("honolulu", "sydney", None), ("honolulu", "auckland", None),
    ("honolulu", "guam", None), ("guam", "tokyo", None), ("guam", "sydney", None), ("los-angeles", "taipei", None),
    ("los-angeles", "manila", "jupiter"), ("seattle", "tokyo", None), ("sydney", "auckland", None),
    # East and South-East Asia
    ("tokyo", "busan", None), ("osaka", "busan", None), ("tokyo", "hong-kong", None), ("tokyo", "taipei", None),
    ("taipei", "hong-kong", None), ("hong-kong", "singapore", None), ("hong-kong", "manila", None),
    ("manila", "singapore", None), ("singapore", "jakarta", None), ("singapore", "perth", "indigo-west"),
    ("perth", "sydney", "indigo-central"), ("singapore", "bangkok", None), ("hong-kong", "bangkok", None),
    ("busan", "hong-kong", None), ("tokyo", "singapore", None),
    # Indian Ocean
    ("singapore", "chennai", None), ("singapore", "mumbai", None), ("mumbai", "fujairah", None), ("mumbai", "muscat", None), ("mumbai", "djibouti", None),
    ("mumbai", "jeddah", None), ("fujairah", "djibouti", None), ("muscat", "djibouti", None),
    ("manama", "doha", None),
    ("mumbai", "mombasa", None), ("durban", "mombasa", None), ("mombasa", "djibouti", None),
    ("cape-town", "durban", None), ("perth", "jakarta", None),
    # Red Sea and Mediterranean
    ("djibouti", "jeddah", None), ("djibouti", "suez", None), ("jeddah", "suez", None),
    ("alexandria", "marseille", None), ("alexandria", "catania", None), ("tel-aviv", "catania", None),
    ("tel-aviv", "athens", None), ("catania", "marseille", None), ("marseille", "lisbon", None), ("athens", "catania", None),
    ("istanbul", "athens", None), ("lisbon", "london", None),
]

# Known detours: between these groups of hubs, backbones are known to route
# through a third hub rather than over the direct cables the map shows. The
# model keeps the shortest route as the typical value and widens the
# pessimistic one to the route via that hub.
ASIA_PACIFIC = ["mumbai", "hyderabad", "chennai", "singapore", "kuala-lumpur", "bangkok", "jakarta", "hong-kong", "taipei",
                "manila", "tokyo", "osaka", "seoul", "busan", "guam", "sydney", "melbourne", "adelaide", "perth", "auckland"]
GULF = ["dubai", "fujairah", "muscat", "doha", "manama", "jeddah"]
SOUTHERN_AFRICA = ["cape-town", "johannesburg", "durban", "luanda"]
SOUTH_AMERICA = ["sao-paulo", "fortaleza", "buenos-aires", "santiago", "lima", "bogota"]
DETOURS = [
    {"name": "Israel to the Gulf and Asia", "a": ["tel-aviv"], "b": GULF + ASIA_PACIFIC, "via": "marseille",
     "basis": "every cable landing in Israel runs west (MedNautilus, Jonah, Tamares to Italy, Greece, Cyprus) and there "
              "is no terrestrial path east; traffic to the Gulf and Asia crosses to a European hub before heading east"},
    {"name": "southern Africa to South America", "a": SOUTHERN_AFRICA, "b": SOUTH_AMERICA, "via": "london",
     "basis": "the only direct system (SACS, Angola to Fortaleza, 2018) is a single cable; a backbone without "
              "capacity on it carries South Atlantic traffic through Europe, which the pessimistic end assumes"},
    {"name": "southern Africa to Asia", "a": SOUTHERN_AFRICA, "b": ASIA_PACIFIC, "via": "london",
     "basis": "the direct systems (SAFE, 2002, and the east-coast systems to Mumbai) are old or few; a backbone "
              "without capacity on them carries the traffic up the west coast to Europe and out again, which the "
              "pessimistic end assumes"},
]

SEARCH_KM = 350.0       # a landing point this close to a hub serves it
JOIN_KM = 25.0          # segment ends this close are one branching point
LAST_RFS_YEAR = 2024    # systems in service by then (the data marks planned ones by year)


def gc_km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def rfs_year(cable):
    m = re.search(r"(\d{4})", cable.get("rfs") or "")
    return int(m.group(1)) if m else None


def stated_km(cable):
    m = re.match(r"([\d,]+)\s*km", cable.get("length") or "")
    return float(m.group(1).replace(",", "")) if m else None


class CableGraph:
    """The drawn route of one cable as a graph of its vertices."""

    def __init__(self, multiline):
        self.points = []
        self.edges = {}
        index = {}

        def vertex(lon, lat):
            lon = 180.0 if lon <= -180.0 else lon  # the antimeridian is one line
            key = (round(lat, 3), round(lon, 3))
            if key not in index:
                index[key] = len(self.points)
                self.points.append((lat, lon))
                self.edges[index[key]] = []
            return index[key]

        ends = []
        for line in multiline:
            ids = [vertex(lon, lat) for lon, lat in line]
            for a, b in zip(ids, ids[1:]):
                if a != b:
                    d = gc_km(self.points[a], self.points[b])
                    self.edges[a].append((b, d))
                    self.edges[b].append((a, d))
            if ids:
                ends += [ids[0], ids[-1]]
        # Segments drawn apart meet at branching units: join each end to the
        # nearest vertex of any other part when close.
        for e in ends:
            best, best_d = None, JOIN_KM
            for v, p in enumerate(self.points):
                if v != e and all(n != v for n, _ in self.edges[e]):
                    d = gc_km(self.points[e], p)
                    if 0 < d < best_d:
                        best, best_d = v, d
            if best is not None:
                self.edges[e].append((best, best_d))
                self.edges[best].append((e, best_d))

    def total_km(self):
        return sum(d for v in self.edges for _, d in self.edges[v]) / 2

    def nearest(self, point):
        return min(range(len(self.points)), key=lambda v: gc_km(point, self.points[v]))

    def route_km(self, a, b):
        start, goal = self.nearest(a), self.nearest(b)
        dist = {start: 0.0}
        queue = [(0.0, start)]
        while queue:
            d, v = heapq.heappop(queue)
            if v == goal:
                return d + gc_km(a, self.points[start]) + gc_km(b, self.points[goal])
            if d > dist.get(v, math.inf):
                continue
            for n, w in self.edges[v]:
                if d + w < dist.get(n, math.inf):
                    dist[n] = d + w
                    heapq.heappush(queue, (d + w, n))
        return None


def load(upstream):
    base = os.path.join(upstream, "public", "api", "v2", "cable")
    geo = json.load(open(os.path.join(base, "cable-geo.json"), encoding="utf-8"))
    geometry = {f["properties"]["slug"]: f["geometry"]["coordinates"] for f in geo["features"]}
    cables = {}
    for name in os.listdir(base):
        if name.endswith(".json") and name not in ("cable-geo.json", "all.json", "search.json"):
            c = json.load(open(os.path.join(base, name), encoding="utf-8"))
            if isinstance(c, dict) and c.get("id") in geometry:
                cables[c["id"]] = c
    return cables, geometry


def landings(cable):
    for lp in cable.get("landing_points", []):
        lat, lon = (float(x) for x in lp["latlon"].split(","))
        yield lp["name"], (lat, lon)


def best_cable(a, b, hubs, cables, graphs, forced, search_km):
    pa, pb = hubs[a], hubs[b]
    best = None
    for cid, c in cables.items():
        if forced and cid != forced:
            continue
        year = rfs_year(c)
        if year is None or year > LAST_RFS_YEAR:
            continue
        near_a = [(gc_km(pa, p), n, p) for n, p in landings(c) if gc_km(pa, p) <= search_km]
        near_b = [(gc_km(pb, p), n, p) for n, p in landings(c) if gc_km(pb, p) <= search_km]
        if not near_a or not near_b:
            continue
        if cid not in graphs:
            graphs[cid] = CableGraph(c["_geometry"])
        g = graphs[cid]
        for da, na, la in sorted(near_a)[:2]:
            for db, nb, lb in sorted(near_b)[:2]:
                if na == nb:
                    continue
                km = g.route_km(la, lb)
                if km is None:
                    continue
                total = da + km + db
                if best is None or total < best["total"]:
                    best = {"total": total, "cable": c["name"], "cable_id": cid, "rfs": year,
                            "landing": [na, nb], "backhaul_km": [round(da), round(db)], "km": round(km)}
    return best


def main():
    upstream = sys.argv[1]
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "rules", "catalog", "routes.json")
    cables, geometry = load(upstream)
    for cid, c in cables.items():
        c["_geometry"] = geometry[cid]
    hubs = {h[0]: (h[2], h[3]) for h in HUBS}
    graphs = {}

    # How the drawn routes compare with the systems' stated lengths (a check
    # on the drawing, used as the submarine stretch in LATENCY-MODEL.md).
    ratios = []
    for cid, c in cables.items():
        s = stated_km(c)
        if s and s >= 1000 and len(c.get("landing_points", [])) == 2:
            g = CableGraph(c["_geometry"])
            if g.total_km() > 0:
                ratios.append(s / g.total_km())
    ratio = statistics.median(ratios)
    print(f"stated / drawn length, {len(ratios)} two-landing systems >= 1,000 km: median {ratio:.3f}, "
          f"quartiles {statistics.quantiles(ratios, n=4)[0]:.3f}..{statistics.quantiles(ratios, n=4)[2]:.3f}", file=sys.stderr)

    links = []
    for a, b in TERRESTRIAL:
        links.append({"from": a, "to": b, "medium": "terrestrial", "km": round(gc_km(hubs[a], hubs[b]))})
    for a, b, forced, *radius in SUBMARINE:
        best = best_cable(a, b, hubs, cables, graphs, forced, radius[0] if radius else SEARCH_KM)
        if best is None:
            print(f"warning: no cable found between {a} and {b}", file=sys.stderr)
            continue
        links.append({"from": a, "to": b, "medium": "submarine", "km": best["km"], "backhaul_km": best["backhaul_km"],
                      "cable": best["cable"], "rfs": best["rfs"], "landing": best["landing"]})

    doc = {
        "apiVersion": "edgeplan/v1",
        "kind": "RouteGraph",
        "metadata": {
            "generated_by": "tools/build_routes.py",
            "source": "TeleGeography Submarine Cable Map data, github.com/telegeography/www.submarinecablemap.com "
                      "(public/api/v2, commit 85198ba3, 2021-06-29)",
            "licence": "Submarine cable names, landing points and route lengths derived from TeleGeography data, "
                       "CC BY-NC-SA 3.0; see rules/catalog/SOURCES.md",
            "submarine_stated_over_drawn": round(ratio, 3),
            "units": "km: terrestrial links great-circle hub to hub; submarine links along the drawn cable route "
                     "between landing points, backhaul_km great-circle from each hub to its landing point",
        },
        "hubs": [{"id": h[0], "name": h[1], "lat": h[2], "lon": h[3]} for h in HUBS],
        "links": links,
        "detours": DETOURS,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(HUBS)} hubs, {len(links)} links -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
