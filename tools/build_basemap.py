#!/usr/bin/env python3
"""Builds the compact base map of the HTML/SVG map report (rules/basemap/).

Reads Natural Earth land polygons from the npm package world-atlas (TopoJSON,
quantized, delta-encoded arcs) and, optionally, Natural Earth lakes (GeoJSON),
and writes one text file per layer:

  land-110m.txt   world scale (world inset), not simplified
  land-50m.txt    regional maps, Douglas-Peucker simplified
  lakes-50m.txt   large lakes only (with --lakes), simplified

Every ring is made safe for flat maps: it is unwrapped (no step of more than
180 degrees of longitude), a ring that encircles a pole (Antarctica) is closed
along that pole, the ring is clipped into 360-degree-wide strips and each piece
is shifted back, so that every output ring lies within lon [-180, 180].

File format (also written in each file's header and in rules/basemap/SOURCES.md):
lines beginning with '#' are comments; every other line is one closed ring
(the closing point is not repeated): the first point absolute "lon,lat" in
integer hundredths of a degree, then each following point as a delta
"dlon,dlat" from the previous point, separated by single spaces, e.g.
"-17998,-8990 0,1 12,-3". Fill all rings of a file as one path with the
even-odd rule (holes, e.g. the Caspian Sea in land, are rings too).

The output is deterministic: the same input gives byte-identical files.
Python 3 standard library only.

Usage: tools/build_basemap.py PACKAGE_DIR [OUTDIR] [--lakes ne_50m_lakes.geojson]
       (PACKAGE_DIR: the unpacked world-atlas npm tarball, i.e. its package/
       folder; OUTDIR defaults to rules/basemap)
"""
import argparse
import hashlib
import json
import math
import os
import sys

Q = 100  # output units per degree (integer hundredths of a degree)

# Douglas-Peucker tolerance in degrees per layer (0: not simplified).
EPS_LAND_110M = 0.0
EPS_LAND_50M = 0.03
EPS_LAKES_50M = 0.02
# Lakes whose outer ring is smaller than this (km^2, approximate) are left out.
LAKE_MIN_KM2 = 1500.0
# Rings whose quantized area is below this (square degrees) are dropped.
MIN_RING_DEG2 = 0.0004

KM_PER_DEG = 111.32


# --------------------------------------------------------------------------
# TopoJSON decoding (https://github.com/topojson/topojson-specification)

def topo_arcs(topo):
    """Absolute positions of every arc: delta-decoded, then scale + translate."""
    transform = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        pts = []
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            for pos in arc:
                x += pos[0]
                y += pos[1]
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(p[0]), float(p[1])) for p in arc]
        out.append(pts)
    return out


def topo_ring(arcs, indices):
    """A ring from arc indices; ~i is arc i reversed; the first point of every
    arc but the first repeats the last point of the one before and is dropped."""
    pts = []
    for n, i in enumerate(indices):
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if n == 0 else a[1:])
    return pts


def topo_polygons(topo, name):
    """List of polygons (each a list of rings: outer first, then holes)."""
    arcs = topo_arcs(topo)
    polys = []

    def walk(g):
        t = g["type"]
        if t == "Polygon":
            polys.append([topo_ring(arcs, r) for r in g["arcs"]])
        elif t == "MultiPolygon":
            for p in g["arcs"]:
                polys.append([topo_ring(arcs, r) for r in p])
        elif t == "GeometryCollection":
            for c in g["geometries"]:
                walk(c)
        elif t is not None:
            raise SystemExit(f"unexpected geometry type {t} in object {name}")

    walk(topo["objects"][name])
    return polys


def geojson_polygons(doc):
    polys = []

    def walk(g):
        if g is None:
            return
        t = g["type"]
        if t == "Polygon":
            polys.append([[(float(p[0]), float(p[1])) for p in r] for r in g["coordinates"]])
        elif t == "MultiPolygon":
            for poly in g["coordinates"]:
                polys.append([[(float(p[0]), float(p[1])) for p in r] for r in poly])
        elif t == "GeometryCollection":
            for c in g["geometries"]:
                walk(c)
        else:
            raise SystemExit(f"unexpected geometry type {t} in lakes")

    if doc["type"] == "FeatureCollection":
        for f in doc["features"]:
            walk(f["geometry"])
    else:
        walk(doc)
    return polys


# --------------------------------------------------------------------------
# Geometry

def open_ring(ring):
    """Drops the repeated closing point(s) and consecutive duplicates."""
    out = []
    for p in ring:
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


def unwrap(ring):
    """Adds multiples of 360 to longitudes so that no step exceeds 180 degrees."""
    out = [ring[0]]
    off = 0.0
    for (a, _), (b, lat) in zip(ring, ring[1:]):
        d = b + off - out[-1][0]
        while d > 180:
            off -= 360
            d -= 360
        while d < -180:
            off += 360
            d += 360
        out.append((b + off, lat))
    return out


def seg_dist(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    ll = dx * dx + dy * dy
    if ll == 0:
        return math.hypot(x - x1, y - y1)
    t = ((x - x1) * dx + (y - y1) * dy) / ll
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def dp_line(pts, eps):
    """Douglas-Peucker on an open polyline (both ends kept); iterative."""
    if eps <= 0 or len(pts) < 3:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        best, bi = -1.0, -1
        for i in range(a + 1, b):
            d = seg_dist(pts[i], pts[a], pts[b])
            if d > best:
                best, bi = d, i
        if best > eps:
            keep[bi] = True
            stack.append((a, bi))
            stack.append((bi, b))
    return [p for p, k in zip(pts, keep) if k]


def dp_ring(ring, eps):
    """Douglas-Peucker on a closed ring: split at point 0 and the point
    farthest from it, simplify both halves."""
    if eps <= 0 or len(ring) < 4:
        return list(ring)
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda i: ((ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2, -i))
    if far == 0:
        return [ring[0]]
    first = dp_line(ring[: far + 1], eps)
    second = dp_line(ring[far:] + [ring[0]], eps)
    return first[:-1] + second[:-1]


def clip_strip(poly, lo, hi):
    """Sutherland-Hodgman against the vertical lines x = lo and x = hi."""

    def clip(poly, inside, x):
        out = []
        n = len(poly)
        for i in range(n):
            cur, prev = poly[i], poly[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur, x))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur, x))
        return out

    def cross(p, q, x):
        return (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    poly = clip(poly, lambda p: p[0] >= lo, lo)
    if poly:
        poly = clip(poly, lambda p: p[0] <= hi, hi)
    return poly


def flat_rings(ring, eps):
    """Simplified, antimeridian-safe pieces of one ring, each within lon [-180, 180]."""
    ring = open_ring(ring)
    if len(ring) < 3:
        return []
    u = unwrap(ring + [ring[0]])  # closed, so the closing step is unwrapped too
    net = u[-1][0] - u[0][0]
    if abs(net) < 1e-9:
        ring = dp_ring(u[:-1], eps)
    else:
        # Net 360 degrees of longitude: the ring encircles a pole. Simplify the
        # coastline as an open line (ends kept), then close it along the pole.
        if abs(abs(net) - 360) > 1e-6:
            raise SystemExit(f"ring winds {net} degrees of longitude")
        lats = [p[1] for p in u]
        pole = -90.0 if sum(lats) / len(lats) < 0 else 90.0
        line = dp_line(u, eps)
        ring = line + [(line[-1][0], pole), (line[0][0], pole)]
    lo = min(p[0] for p in ring)
    hi = max(p[0] for p in ring)
    out = []
    for k in range(math.floor((lo + 180) / 360) - 1, math.ceil((hi - 180) / 360) + 2):
        a, b = -180.0 + 360 * k, 180.0 + 360 * k
        if hi <= a or lo >= b:
            continue
        piece = clip_strip(ring, a, b)
        if len(piece) >= 3:
            out.append([(x - 360 * k, y) for x, y in piece])
    return out


def quantize(ring):
    """Integer hundredths of a degree; consecutive duplicates dropped; long
    edges along a pole (|dlon| > 180) split so that no step exceeds 180."""
    pts = []
    for lon, lat in ring:
        p = (math.floor(lon * Q + 0.5), math.floor(lat * Q + 0.5))
        p = (min(max(p[0], -180 * Q), 180 * Q), min(max(p[1], -90 * Q), 90 * Q))
        if not pts or p != pts[-1]:
            pts.append(p)
    while len(pts) > 1 and pts[-1] == pts[0]:
        pts.pop()
    out = []
    for i, p in enumerate(pts):
        out.append(p)
        q = pts[(i + 1) % len(pts)]
        if abs(q[0] - p[0]) > 180 * Q:
            if p[1] != q[1] or abs(p[1]) != 90 * Q:
                raise SystemExit(f"long edge off the pole: {p} -> {q}")
            steps = math.ceil(abs(q[0] - p[0]) / (180 * Q))
            for s in range(1, steps):
                out.append((p[0] + (q[0] - p[0]) * s // steps, p[1]))
    return out


def area2(pts):
    """Twice the signed shoelace area, in the units of pts."""
    s = 0
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s


def km2(ring):
    """Approximate area in km^2 of a ring in degrees (planar, cos(lat) scaled)."""
    a = abs(area2(ring)) / 2
    lat = sum(p[1] for p in ring) / len(ring)
    return a * KM_PER_DEG * KM_PER_DEG * math.cos(math.radians(lat))


def layer(polys, eps):
    """All rings of all polygons, in input order, simplified, cut and quantized."""
    min_area2 = 2 * MIN_RING_DEG2 * Q * Q
    out = []
    for poly in polys:
        for ring in poly:
            for piece in flat_rings(ring, eps):
                q = quantize(piece)
                if len(set(q)) >= 3 and abs(area2(q)) >= min_area2:
                    out.append(q)
    return out


# --------------------------------------------------------------------------
# Output

def encode(rings):
    lines = []
    for r in rings:
        parts = [f"{r[0][0]},{r[0][1]}"]
        for (x0, y0), (x1, y1) in zip(r, r[1:]):
            parts.append(f"{x1 - x0},{y1 - y0}")
        lines.append(" ".join(parts))
    return lines


FORMAT_LINES = [
    "format: one closed ring per line (closing point not repeated); first point",
    "absolute 'lon,lat' in integer hundredths of a degree, then each next point as a",
    "delta 'dlon,dlat' from the previous one, separated by single spaces. Every ring",
    "lies within lon [-180,180] (cut at the antimeridian; Antarctica closed along",
    "the pole). Fill all rings of this file as one path with the even-odd rule.",
]


def write_layer(path, title, source, notes, rings):
    npts = sum(len(r) for r in rings)
    head = [f"edgeplan base map: {title}", f"source: {source}"] + notes + [
        "licence: public domain (Natural Earth, naturalearthdata.com/about/terms-of-use)",
        "generated by tools/build_basemap.py; see rules/basemap/SOURCES.md",
    ] + FORMAT_LINES + [f"rings: {len(rings)}, points: {npts}"]
    text = "".join(f"# {h}\n" for h in head) + "".join(l + "\n" for l in encode(rings))
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    print(f"{path}: {len(rings)} rings, {npts} points, {len(text)} bytes", file=sys.stderr)


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def eps_note(eps):
    if eps <= 0:
        return "simplification: none (Douglas-Peucker not applied); quantized to 0.01 degree"
    return f"simplification: Douglas-Peucker epsilon {eps:g} degree; quantized to 0.01 degree"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("package_dir", help="unpacked world-atlas npm package (folder with land-50m.json)")
    ap.add_argument("outdir", nargs="?", default=os.path.join("rules", "basemap"))
    ap.add_argument("--lakes", help="Natural Earth ne_50m_lakes.geojson (optional)")
    args = ap.parse_args()

    with open(os.path.join(args.package_dir, "package.json"), encoding="utf-8") as f:
        pkg = json.load(f)
    package = f"npm {pkg['name']} {pkg['version']}"
    os.makedirs(args.outdir, exist_ok=True)

    for scale, eps in (("110m", EPS_LAND_110M), ("50m", EPS_LAND_50M)):
        src = os.path.join(args.package_dir, f"land-{scale}.json")
        with open(src, encoding="utf-8") as f:
            topo = json.load(f)
        rings = layer(topo_polygons(topo, "land"), eps)
        write_layer(
            os.path.join(args.outdir, f"land-{scale}.txt"),
            f"land, Natural Earth 1:{scale} (4.1.0)",
            f"{package}, land-{scale}.json (sha256 {sha256_file(src)})",
            [eps_note(eps)],
            rings,
        )

    if args.lakes:
        with open(args.lakes, encoding="utf-8") as f:
            doc = json.load(f)
        polys = []
        for poly in geojson_polygons(doc):
            outer = open_ring(poly[0])
            if len(outer) >= 3 and km2(outer) >= LAKE_MIN_KM2:
                polys.append(poly)
        rings = layer(polys, EPS_LAKES_50M)
        write_layer(
            os.path.join(args.outdir, "lakes-50m.txt"),
            "lakes, Natural Earth 1:50m (ne_50m_lakes)",
            f"Natural Earth {os.path.basename(args.lakes)} (sha256 {sha256_file(args.lakes)}; "
            "which copy: SOURCES.md)",
            [
                f"selection: lakes whose outer ring covers at least {LAKE_MIN_KM2:g} km^2 "
                f"({len(polys)} polygons); islands in them are rings too",
                eps_note(EPS_LAKES_50M),
                "draw in the water colour over land",
            ],
            rings,
        )


if __name__ == "__main__":
    main()
