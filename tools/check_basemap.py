#!/usr/bin/env python3
"""Checks the base-map files written by tools/build_basemap.py.

Reads rules/basemap/land-110m.txt, land-50m.txt and (if present) lakes-50m.txt,
checks the format invariants (integer points within lon [-180,180] and lat
[-90,90], no step of more than 180 degrees of longitude, no repeated point, at
least 3 points per ring), compares the land area of the two scales, and tests
a few places against the even-odd fill. Prints the figures; exits 1 on a
failure. Python 3 standard library only.

Usage: tools/check_basemap.py [DIR]   (default rules/basemap)
"""
import math
import os
import sys

# name, lon, lat, expected: "land", "water" or "lake"
PLACES = [
    ("Denver", -104.99, 39.74, "land"),
    ("Sydney", 151.21, -33.87, "land"),
    ("Chicago (Loop, 1.5 km from the shore)", -87.63, 41.88, "land"),
    ("Chicago west (Oak Park)", -87.78, 41.88, "land"),
    ("Milwaukee west", -88.0, 43.04, "land"),
    ("Mid-Atlantic", -40.0, 30.0, "water"),
    ("Mid-Pacific", -150.0, 0.0, "water"),
    ("Fiji (Viti Levu)", 178.0, -17.8, "land"),
    ("Chukotka, east of 180", -175.0, 66.0, "land"),
    ("Chukotka, west of 180", 175.0, 66.0, "land"),
    ("Antarctica interior", 0.0, -85.0, "land"),
    ("Antarctica near 180", 179.9, -85.0, "land"),
    ("Antarctica near -180", -179.9, -85.0, "land"),
    ("Caspian Sea", 51.0, 42.0, "water"),
    ("Lake Michigan centre", -87.0, 44.0, "lake"),
    ("Lake Superior", -87.5, 47.5, "lake"),
    ("Lake Victoria", 33.0, -1.0, "lake"),
    ("Lake Ladoga", 31.5, 60.8, "lake"),
]


def read_layer(path):
    rings, header = [], []
    with open(path, encoding="ascii") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                header.append(line)
                continue
            pts = []
            for k, tok in enumerate(line.split(" ")):
                a, b = tok.split(",")
                x, y = int(a), int(b)
                if k:
                    x += pts[-1][0]
                    y += pts[-1][1]
                pts.append((x, y))
            rings.append((n, pts))
    return header, rings


def check(rings, name):
    errors = []
    for n, r in rings:
        if len(set(r)) < 3:
            errors.append(f"{name}:{n}: fewer than 3 distinct points")
        for i, (x, y) in enumerate(r):
            if not (-18000 <= x <= 18000 and -9000 <= y <= 9000):
                errors.append(f"{name}:{n}: point {i} out of range ({x},{y})")
            q = r[(i + 1) % len(r)]
            if q == (x, y):
                errors.append(f"{name}:{n}: repeated point {i}")
            if abs(q[0] - x) > 18000:
                errors.append(f"{name}:{n}: step of {abs(q[0] - x) / 100} degrees of longitude at point {i}")
    return errors


def planar_area(r):
    s = 0
    for i in range(len(r)):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % len(r)]
        s += x1 * y2 - x2 * y1
    return s / 2 / 1e4  # square degrees


def spherical_area_km2(r):
    """Area on the sphere (R = 6371 km), trapezoids in lon x sin(lat)."""
    s = 0.0
    for i in range(len(r)):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % len(r)]
        s += math.radians((x2 - x1) / 100) * (math.sin(math.radians(y1 / 100)) + math.sin(math.radians(y2 / 100))) / 2
    return s * 6371.0 ** 2


def inside(rings, lon, lat):
    """Even-odd rule over all rings of a layer."""
    x, y = lon * 100, lat * 100
    c = False
    for _, r in rings:
        n = len(r)
        for i in range(n):
            x1, y1 = r[i]
            x2, y2 = r[(i + 1) % n]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                c = not c
    return c


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join("rules", "basemap")
    layers = {}
    errors = []
    for name in ("land-110m", "land-50m", "lakes-50m"):
        path = os.path.join(d, name + ".txt")
        if not os.path.exists(path):
            if name != "lakes-50m":
                errors.append(f"{path} missing")
            continue
        header, rings = read_layer(path)
        layers[name] = rings
        errors += check(rings, name)
        npts = sum(len(r) for _, r in rings)
        planar = sum(planar_area(r) for _, r in rings)
        sph = sum(spherical_area_km2(r) for _, r in rings)
        print(f"{name}: {os.path.getsize(path)} bytes, {len(rings)} rings, {npts} points, "
              f"|signed area| {abs(planar):.0f} deg^2, {abs(sph) / 1e6:.2f} M km^2 (signed sum)")
    if "land-110m" in layers and "land-50m" in layers:
        a = [sum(planar_area(r) for _, r in layers[k]) for k in ("land-110m", "land-50m")]
        b = [sum(spherical_area_km2(r) for _, r in layers[k]) for k in ("land-110m", "land-50m")]
        dp = abs(abs(a[1]) / abs(a[0]) - 1) * 100
        ds = abs(abs(b[1]) / abs(b[0]) - 1) * 100
        print(f"land area 50m vs 110m: planar {dp:.2f} % apart, spherical {ds:.2f} % apart")
        if dp > 3 or ds > 3:
            errors.append("land areas of 110m and 50m differ by more than 3 %")
    for place, lon, lat, want in PLACES:
        got = []
        for name in ("land-110m", "land-50m", "lakes-50m"):
            if name in layers:
                got.append(f"{name}={'in' if inside(layers[name], lon, lat) else 'out'}")
        land50 = inside(layers["land-50m"], lon, lat) if "land-50m" in layers else None
        lake = inside(layers["lakes-50m"], lon, lat) if "lakes-50m" in layers else None
        land110 = inside(layers["land-110m"], lon, lat) if "land-110m" in layers else None
        if want == "land":
            ok = land50 and land110 and not lake
        elif want == "water":
            ok = not land50 and not land110
        else:
            ok = lake if lake is not None else True
        print(f"{'ok ' if ok else 'BAD'} {place} ({lon},{lat}) expect {want}: {' '.join(got)}")
        if not ok:
            errors.append(f"{place}: expected {want}")
    for e in errors:
        print("error:", e)
    print(f"{len(PLACES) + 1 - len([e for e in errors])} checks ok, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
