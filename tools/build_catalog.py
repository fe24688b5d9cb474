#!/usr/bin/env python3
"""Build rules/catalog/catalog.json from data/upstream/*.json and data/overrides.json.

Maintainer tool (Python 3, standard library only). The C++ build embeds the
committed output; run this after refreshing data/upstream/ and commit the result.

    python3 tools/build_catalog.py            # write rules/catalog/catalog.json
    python3 tools/build_catalog.py --check    # fail if the committed file is stale

The output is deterministic: no timestamps, sorted lists where order carries no
meaning, sites ordered region / local-zone / wavelength-zone then by id,
indent=2, UTF-8, trailing newline. The script also validates the result and
cross-checks it against the hand-kept rules/catalog/metros.json.
"""

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UPSTREAM = os.path.join(ROOT, "data", "upstream")
OVERRIDES = os.path.join(ROOT, "data", "overrides.json")
METROS = os.path.join(ROOT, "rules", "catalog", "metros.json")
OUTPUT = os.path.join(ROOT, "rules", "catalog", "catalog.json")

CATALOG_VERSION = "2026.11.26"
CATALOG_DATE = "2026-11-26"  # compilation date of the upstream data set

KIND_ORDER = {"region": 0, "local-zone": 1, "wavelength-zone": 2}
EXPECTED = {"region": 34, "local-zone": 47, "wavelength-zone": 26, "form_factors": 5}


class BuildError(Exception):
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def uniq_sorted(items):
    return sorted(set(items))


def uniq_keep_order(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# --------------------------------------------------------------------------
# subdivision resolution

class Subdivisions:
    def __init__(self, ov):
        self.us = ov["us_states"]["codes"]
        self.city = {k: v["code"] for k, v in ov["city_subdivisions"]["codes"].items()}
        self.withheld = set(ov["city_subdivisions_withheld"]["cities"])
        self.site = {k: v["code"] for k, v in ov["site_subdivisions"]["sites"].items()}
        both = set(self.city) & self.withheld
        if both:
            raise BuildError("cities both coded and withheld: %s" % sorted(both))
        self.used_city = set()
        self.used_withheld = set()

    def documented_state(self, state_name, where):
        if state_name not in self.us:
            raise BuildError("%s: unknown US state name %r" % (where, state_name))
        return self.us[state_name], "documented"

    def from_city(self, metro, where):
        """Subdivision for a site whose city AWS names; every such city must be
        in exactly one of the two override tables so nothing is silently null."""
        if metro in self.city:
            self.used_city.add(metro)
            return self.city[metro], "city"
        if metro in self.withheld:
            self.used_withheld.add(metro)
            return None, None
        raise BuildError("%s: city %r is in neither city_subdivisions nor "
                         "city_subdivisions_withheld (data/overrides.json)" % (where, metro))


def metro_name(raw, ov):
    m = ov["metro_names"]["map"].get(raw)
    return m["to"] if m else raw


# --------------------------------------------------------------------------
# sites

def empty_services(all_=False):
    return {"all": all_, "local": [], "probable": [], "unsupported": []}


def region_site(r, ov, subs):
    code = r["code"]
    if r.get("subdivision"):
        sub, basis = subs.documented_state(r["subdivision"], code)
    elif code in subs.site:
        sub, basis = subs.site[code], "city"
    elif r["city_basis"] == "named_in_region_name":
        sub, basis = subs.from_city(metro_name(r["city"], ov), code)
    else:
        sub, basis = None, None  # representative metro: facility city unknown
    return {
        "id": code,
        "kind": "region",
        "name": r["name"],
        "parent_region": None,
        "country": r["country"],
        "subdivision": sub,
        "subdivision_basis": basis,
        "metro": metro_name(r["city"], ov),
        "lat": r["lat"],
        "lon": r["lon"],
        "location_basis": r["city_basis"],
        "status": r["status"],
        "opt_in": bool(r["opt_in"]),
        "access_requires_support_request": False,
        "carrier": None,
        "services": empty_services(all_=True),
        "instance_families": {"status": "elastic", "families": [], "scope": None},
        "instance_types": [],
        "ebs_volume_types": [],
        "features": [],
        "launch_date": r.get("launch_date"),
        "notes": r.get("notes"),
        "source": list(r["source"]),
    }


def local_zone_site(z, ov, subs, name_counts):
    zid = z["zone_name"]
    if z["country"] == "US":
        if not z.get("subdivision"):
            raise BuildError("%s: US Local Zone without documented state" % zid)
        sub, basis = subs.documented_state(z["subdivision"], zid)
    else:
        sub, basis = subs.from_city(metro_name(z["metro"], ov), zid)
    name = z["group_long_name"]
    if name_counts[name] > 1:
        name = "%s (zone %s)" % (name, zid[-1])
    local = uniq_sorted(z.get("services", []))
    probable = uniq_sorted(s for s in z.get("services_general", []) if s not in local)
    scope = z.get("instance_families_scope")
    families = uniq_sorted(z.get("instance_families") or [])
    if scope == "launch_announcement":
        fam_status = "known"
    elif scope == "ec2_capacity_blocks_only":
        fam_status = "partial"
    elif scope is None and not families:
        fam_status = "unknown"
    else:
        raise BuildError("%s: unhandled instance_families_scope %r" % (zid, scope))
    return {
        "id": zid,
        "kind": "local-zone",
        "name": name,
        "parent_region": z["parent_region"],
        "country": z["country"],
        "subdivision": sub,
        "subdivision_basis": basis,
        "metro": metro_name(z["metro"], ov),
        "lat": z["lat"],
        "lon": z["lon"],
        "location_basis": "documented_metro",
        "status": z["status"],
        "opt_in": False,
        "access_requires_support_request": bool(z["access_requires_support_request"]),
        "carrier": None,
        "services": {
            "all": False,
            "local": local,
            "probable": probable,
            "unsupported": uniq_sorted(z.get("services_not_supported", [])),
        },
        "instance_families": {"status": fam_status, "families": families, "scope": scope},
        "instance_types": [],
        "ebs_volume_types": uniq_sorted(z.get("ebs_volume_types") or []),
        "features": uniq_sorted(z.get("features") or []),
        "launch_date": z.get("launch_date"),
        "notes": z.get("notes"),
        "source": list(z["source"]),
    }


def wavelength_site(w, ov, subs):
    zid = w["zone_name"]
    documented = w["location_as_documented"]
    metro = metro_name(w["city"], ov)
    if w["country"] == "US" and documented in subs.us:
        # AWS gives only the state (e.g. "Kansas"); the city is inferred upstream.
        sub, basis = subs.documented_state(documented, zid)
        location_basis = "inferred"
    else:
        sub, basis = subs.from_city(metro, zid)
        location_basis = "documented_location"
    features = list(w.get("features") or [])
    if w.get("inbound_from_internet_allowed"):
        features.append("inbound_from_internet")
    return {
        "id": zid,
        "kind": "wavelength-zone",
        "name": "%s Wavelength \u2014 %s" % (w["carrier"], documented),
        "parent_region": w["parent_region"],
        "country": w["country"],
        "subdivision": sub,
        "subdivision_basis": basis,
        "metro": metro,
        "lat": w["lat"],
        "lon": w["lon"],
        "location_basis": location_basis,
        "status": w["status"],
        "opt_in": False,
        "access_requires_support_request": False,
        "carrier": w["carrier"],
        "services": {
            "all": False,
            "local": uniq_sorted(w.get("services", [])),
            "probable": [],
            "unsupported": uniq_sorted(w.get("services_not_supported", [])),
        },
        "instance_families": {"status": "known",
                              "families": uniq_sorted(w.get("instance_families") or []),
                              "scope": w.get("instance_families_scope")},
        "instance_types": uniq_sorted(w.get("instance_types") or []),
        "ebs_volume_types": uniq_sorted(w.get("ebs_volume_types") or []),
        "features": uniq_sorted(features),
        "launch_date": w.get("launch_date"),
        "notes": w.get("notes"),
        "source": list(w["source"]),
    }


# --------------------------------------------------------------------------
# outposts

GOVCLOUD_PREFIX = "us-gov-"


def plan_ids(names, ov):
    m = ov["support_plan_ids"]["map"]
    out = []
    for n in names:
        if n not in m:
            raise BuildError("support plan %r has no id in data/overrides.json" % n)
        out.append(m[n])
    return out


def build_outposts(op, ov):
    rack = op["rack"]
    gens = rack["generations"]
    g1, g2m, g2s = (gens["first_generation"], gens["second_generation_multi_rack"],
                    gens["second_generation_single_rack"])
    power = rack["power"]
    net = rack["networking_uplinks"]
    srv = op["servers"]
    countries = op["countries_rack"]
    src = op["sources"]

    # --- support plans
    sp = rack["support_plan"]
    if srv["support_plan"]["current_requirement"] != sp["current_requirement"]:
        raise BuildError("rack and server current support plans differ")
    current_plans = plan_ids(sp["current_requirement"], ov)
    earlier_plans = plan_ids(sp["earlier_requirement"], ov)
    mapping = "; ".join("%s = %s" % (v, k) for k, v in
                        sorted(ov["support_plan_ids"]["map"].items(), key=lambda kv: kv[1]))
    support_plans = {
        "current": current_plans,
        "earlier": earlier_plans,
        "note": ("Current AWS ordering pages (racks and servers) and AWS prescriptive guidance "
                 "require Enterprise Support or Unified Operations; older versions of the ordering "
                 "pages and the rack FAQ named Enterprise Support or Enterprise On-Ramp. "
                 "Plan ids: " + mapping + "."),
        "source": uniq_sorted(sp["source"] + srv["support_plan"]["source"]),
    }

    # --- service link
    sl = rack["service_link"]
    if (srv["service_link"]["min_bandwidth_mbps"], srv["service_link"]["max_rtt_ms"]) != \
            (sl["min_bandwidth_mbps"], sl["max_rtt_ms"]):
        raise BuildError("rack and server service-link figures differ")
    service_link = {
        "min_bandwidth_mbps": sl["min_bandwidth_mbps"],
        "max_rtt_ms": sl["max_rtt_ms"],
        "source": uniq_sorted(sl["source"] + srv["service_link"]["source"]),
    }

    # --- parent Regions
    g1_table = rack["first_generation_services_by_parent_region"]
    g1_faq = rack["first_generation_parent_regions_faq"]["regions"]
    g1_all = set(g1_table["regions"]) | set(g1_faq)
    g1_gov = sorted(r for r in g1_all if r.startswith(GOVCLOUD_PREFIX))
    g1_parents = sorted(r for r in g1_all if not r.startswith(GOVCLOUD_PREFIX))
    only_faq = sorted(set(g1_faq) - set(g1_table["regions"]) - set(g1_gov))
    only_table = sorted(set(g1_table["regions"]) - set(g1_faq))
    g1_by_region = {r: uniq_sorted(v["supported"]) for r, v in g1_table["regions"].items()}

    g2_table = rack["second_generation_services_by_parent_region"]
    g2_launch = g2_table["launch_parent_regions_apr_2025"]
    g2_parents = uniq_sorted(list(g2_table["regions"]) + g2_launch)
    g2_by_region = {r: uniq_sorted(v) for r, v in g2_table["regions"].items()}
    g2_only_launch = sorted(set(g2_launch) - set(g2_table["regions"]))
    g2_only_table = sorted(set(g2_table["regions"]) - set(g2_launch))
    g2_table_services = set().union(*g2_by_region.values())

    g2_parents_note = (
        "Union of the current per-Region table (%s) and the April 2025 launch list. Only in "
        "the launch list: %s; only in the current table: %s. The per-Region table gives the "
        "same services for every listed Region (%s); it does not list S3, which the "
        "generation comparison marks as local on multi-rack Outposts, and it lists EMR, "
        "which the comparison omits. Verify per Region before relying on S3 or EMR."
        % (", ".join(sorted(g2_table["regions"])), ", ".join(g2_only_launch) or "none",
           ", ".join(g2_only_table) or "none", ", ".join(sorted(g2_table_services))))

    # --- services
    g1_local = uniq_sorted(g1["locally_supported_services"] + g1_table["services_columns"]
                           + rack["supported_services"]["resource_matrix_racks"])
    # second generation: comparison-table list plus services the current per-Region table
    # marks supported (EMR); single rack excludes what AWS says it lacks (S3).
    g2m_local = uniq_sorted(g2m["locally_supported_services"] + sorted(g2_table_services))
    g2s_not = uniq_sorted(g2s.get("not_available", []))
    g2s_local = uniq_sorted(s for s in g2s["locally_supported_services"] + sorted(g2_table_services)
                            if s not in g2s_not)
    g1_parents_note = (
        "Union of the per-Region service table in the first-generation user guide and the "
        "parent-Region list of an older rack FAQ. Only in the FAQ (no service row): %s. "
        "Only in the table: %s. GovCloud Regions in the FAQ (%s) are omitted because the "
        "catalog has no GovCloud sites. The per-Region table has columns only for %s; other "
        "local services (%s) are not broken down by Region. %s"
        % (", ".join(only_faq) or "none", ", ".join(only_table) or "none",
           ", ".join(g1_gov), ", ".join(sorted(g1_table["services_columns"])),
           ", ".join(sorted(set(g1_local) - set(g1_table["services_columns"]))),
           g1_table["inconsistency"]))
    srv_local = uniq_sorted(srv["supported_services"]["supported"])
    srv_not = uniq_sorted(srv["supported_services"]["not_supported"])

    # --- countries
    def country_note(key, extra=""):
        codes = countries[key]
        flagged = ["%s: %s" % (c, countries["flags"][c]) for c in sorted(countries["flags"])
                   if c in codes and c in ("SA",)]
        note = "From the current Outposts rack FAQ; 'All EU countries' expanded to the 27 member states."
        if flagged:
            note += " " + "; ".join(flagged) + "."
        return note + extra

    older = set(countries["older_faq_version_first_generation"])
    cur_g1 = set(countries["first_generation"])
    g1_country_extra = (" An older FAQ version also listed %s, which the current list omits."
                        % ", ".join(sorted(older - cur_g1))) if older - cur_g1 else ""

    # --- power
    p1 = power["first_generation"]
    p2 = power["second_generation"]
    g1_kva = sorted(c["kva"] for c in p1["configurations"])
    g2_kva = sorted(p2["power_positions_kva"])
    g2_min_compute = min(c["kva"] for c in p2["compute_rack_consumption"])
    g2_network_pos = p2["network_rack_power_position_kva"]
    g2s_min = min(c["kva"] for c in p2["single_rack_consumption"])
    srv_kva = srv["power"]["rating_w"] / 1000.0

    # --- uplinks (minimum physical links = devices x minimum links per device/LAG)
    n1, n2m, n2s = net["first_generation"], net["second_generation_multi_rack"], \
        net["second_generation_single_rack"]
    g1_min_links = n1["network_devices_per_rack"] * min(min(v) for v in n1["uplinks_per_device"].values())
    g2m_min_links = n2m["network_rack_devices"] * min(min(v) for v in n2m["uplinks_per_device"].values())
    # single rack: at least two upstream devices, each linked to both Outpost devices = 4 LAGs
    g2s_min_links = 2 * n2s["network_devices"] * min(min(v) for v in n2s["uplinks_per_lag"].values())

    g1_families = uniq_sorted(g1["compute_instance_families"] + g1["additional_families_named_elsewhere"])

    ff = []
    ff.append({
        "id": "rack-gen1",
        "kind": "outposts-rack",
        "name": "Outposts rack, 1st generation",
        "generation": 1,
        "lifecycle": "previous-generation",
        "lifecycle_note": ("AWS lists only the second-generation multi-rack and single-rack "
                           "Outposts as current rack generations; first-generation racks remain "
                           "documented and supported. Whether a new site can still order a "
                           "first-generation rack must be verified with AWS."),
        "installed_by": "aws",
        "rack_units": rack["form_factor"]["rack_units"],
        "positions_required": 1,
        "min_rack_units": rack["form_factor"]["rack_units"],
        "power_kva_options": g1_kva,
        "min_power_kva": g1_kva[0],
        "power_note": ("Power-shelf configurations %s kVA (%s kW); the configuration follows the "
                       "draw of the ordered capacity. From four compute racks an ACE network rack "
                       "(%s kVA) is also required."
                       % ("/".join(str(c["kva"]) for c in p1["configurations"]),
                          "/".join(str(c["kw"]) for c in p1["configurations"]),
                          power["ace_rack"]["kva"])),
        "uplink_speeds_gbps": sorted(n1["uplink_speeds_gbps"]),
        "min_uplinks": g1_min_links,
        "redundant_uplinks": True,
        "services_local": g1_local,
        "services_not_local": [],
        "services_by_parent_region": g1_by_region,
        "parent_regions": g1_parents,
        "parent_regions_note": g1_parents_note,
        "instance_families": g1_families,
        "instance_types": [],
        "countries": uniq_sorted(countries["first_generation"]),
        "countries_note": country_note("first_generation", g1_country_extra),
        "support_plans": current_plans,
        "source": uniq_sorted(g1["source"] + p1["source"] + n1["source"] + g1_table["source"]
                              + [src["rack_req_g1"], src["order_rack_g1"], src["sl_rack_g1"],
                                                       src["faq_rack_current"], src["faq_rack_older"]]),
    })
    ff.append({
        "id": "rack-gen2-multi",
        "kind": "outposts-rack",
        "name": "Outposts rack, 2nd generation (multi-rack)",
        "generation": 2,
        "lifecycle": "current",
        "lifecycle_note": "Current rack generation; scales out by adding compute racks to one network rack.",
        "installed_by": "aws",
        "rack_units": rack["form_factor"]["rack_units"],
        "positions_required": 2,
        "min_rack_units": 2 * rack["form_factor"]["rack_units"],
        "power_kva_options": g2_kva,
        "min_power_kva": g2_min_compute + g2_network_pos,
        "power_note": ("Compute-rack power positions %s kVA; documented compute-rack consumption "
                       "options are %s kVA. The mandatory network rack draws %s kVA in a %s kVA "
                       "position. Smallest footprint: %s + %s = %s kVA."
                       % ("/".join(str(k) for k in g2_kva),
                          "/".join(str(c["kva"]) for c in p2["compute_rack_consumption"]),
                          p2["network_rack_draw_kva"], g2_network_pos,
                          g2_min_compute, g2_network_pos, g2_min_compute + g2_network_pos)),
        "uplink_speeds_gbps": sorted(n2m["uplink_speeds_gbps"]),
        "min_uplinks": g2m_min_links,
        "redundant_uplinks": True,
        "services_local": g2m_local,
        "services_not_local": [],
        "services_by_parent_region": g2_by_region,
        "parent_regions": g2_parents,
        "parent_regions_note": g2_parents_note,
        "instance_families": uniq_sorted(g2m["compute_instance_families"]),
        "instance_types": [],
        "countries": uniq_sorted(countries["second_generation_multi_rack"]),
        "countries_note": country_note("second_generation_multi_rack"),
        "support_plans": current_plans,
        "source": uniq_sorted(g2m["source"] + p2["source"] + n2m["source"] + g2_table["source"]
                              + rack["network_rack_second_generation"]["source"]
                              + [src["rack_req_g2_multi"], src["order_rack_g2"], src["sl_rack_g2"],
                                 src["faq_rack_current"]]),
    })
    ff.append({
        "id": "rack-gen2-single",
        "kind": "outposts-rack",
        "name": "Outposts rack, 2nd generation (single-rack)",
        "generation": 2,
        "lifecycle": "current",
        "lifecycle_note": ("Current rack generation; one integrated 42U rack with no separate "
                           "network rack. Cannot scale out to more racks; capacity can be added "
                           "inside the rack."),
        "installed_by": "aws",
        "rack_units": rack["form_factor"]["rack_units"],
        "positions_required": 1,
        "min_rack_units": rack["form_factor"]["rack_units"],
        "power_kva_options": g2_kva,
        "min_power_kva": g2s_min,
        "power_note": ("Power positions %s kVA; documented single-rack consumption options %s kVA."
                       % ("/".join(str(k) for k in g2_kva),
                          "/".join(str(c["kva"]) for c in p2["single_rack_consumption"]))),
        "uplink_speeds_gbps": sorted(n2s["uplink_speeds_gbps"]),
        "min_uplinks": g2s_min_links,
        "redundant_uplinks": True,
        "services_local": g2s_local,
        "services_not_local": g2s_not,
        "services_by_parent_region": g2_by_region,
        "parent_regions": g2_parents,
        "parent_regions_note": g2_parents_note,
        "instance_families": uniq_sorted(g2s["compute_instance_families"]),
        "instance_types": [],
        "countries": uniq_sorted(countries["second_generation_single_rack"]),
        "countries_note": country_note("second_generation_single_rack"),
        "support_plans": current_plans,
        "source": uniq_sorted(g2s["source"] + n2s["source"] + g2_table["source"]
                              + [src["rack_req_g2_single"], src["order_rack_g2"], src["sl_rack_g2"],
                                 src["faq_rack_current"]]),
    })
    server_common_src = (srv["facility"]["source"] + srv["power"]["source"]
                         + srv["networking"]["source"] + srv["service_link"]["source"]
                         + srv["supported_services"]["source"] + srv["install_model"]["source"]
                         + srv["support_plan"]["source"])
    for model in srv["models"]:
        ru = model["rack_units"]
        ff.append({
            "id": "server-%du" % ru,
            "kind": "outposts-server",
            "name": "Outposts server %s" % model["model"],
            "generation": None,
            "lifecycle": "discontinued",
            "lifecycle_note": ("AWS has discontinued sales of Outposts servers and no longer "
                               "accepts new customers for them; existing customers are supported "
                               "in migrating to Outposts racks."),
            "installed_by": "customer",
            "rack_units": ru,
            "positions_required": 0,
            "min_rack_units": ru,
            "power_kva_options": [],
            "min_power_kva": srv_kva,
            "power_note": ("Only the %d W power rating is published (per-model draw is shown in "
                           "the console catalog); treated as %.1f kVA at power factor 1. Mounts in "
                           "the customer's own 19-inch four-post rack." % (srv["power"]["rating_w"], srv_kva)),
            "uplink_speeds_gbps": [net_port_gbps(srv)],
            "min_uplinks": 1,
            "redundant_uplinks": False,
            "services_local": srv_local,
            "services_not_local": srv_not,
            "services_by_parent_region": {},
            "parent_regions": g1_parents,
            "parent_regions_note": ("Parent Regions for Outposts servers were not separately "
                                    "documented in the material read; the first-generation rack "
                                    "list is used as an approximation. Verify with AWS."),
            "instance_families": [model["instance_family"]],
            "instance_types": list(model["supported_instance_sizes"]),
            "countries": None,
            "countries_note": op["countries_servers"]["note"],
            "support_plans": current_plans,
            "source": uniq_sorted(model["source"] + server_common_src + [src["order_server"]]),
        })

    top_sources = uniq_sorted(v for v in src.values())
    return {
        "source": top_sources,
        "service_link": service_link,
        "support_plans": support_plans,
        "unsupported_anchor_az_ids": uniq_sorted(rack["unsupported_anchor_availability_zones"]["az_ids"]),
        "form_factors": ff,
    }


def net_port_gbps(srv):
    port = srv["lni_bandwidth_gbps"]["physical_port_gbps"]
    if "10 GbE" not in srv["networking"]["uplink"] or port != 10:
        raise BuildError("server uplink speed changed upstream; update build_catalog.py")
    return port


# --------------------------------------------------------------------------
# vocabulary, validation

def service_vocabulary(sites, outposts):
    names = set()
    for s in sites:
        for k in ("local", "probable", "unsupported"):
            names.update(s["services"][k])
    for f in outposts["form_factors"]:
        names.update(f["services_local"])
        names.update(f["services_not_local"])
        for v in f["services_by_parent_region"].values():
            names.update(v)
    return sorted(names)


def validate(cat, metros):
    errors = []
    sites = cat["sites"]
    counts = {k: sum(1 for s in sites if s["kind"] == k) for k in KIND_ORDER}
    counts["form_factors"] = len(cat["outposts"]["form_factors"])
    for k, n in EXPECTED.items():
        if counts[k] != n:
            errors.append("expected %d %s, got %d" % (n, k, counts[k]))
    ids = [s["id"] for s in sites]
    if len(ids) != len(set(ids)):
        errors.append("duplicate site ids")
    names = [s["name"].lower() for s in sites]
    if len(names) != len(set(names)):
        errors.append("duplicate site names")
    regions = {s["id"] for s in sites if s["kind"] == "region"}
    vocab = set(cat["service_vocabulary"])
    fields = ["id", "kind", "name", "parent_region", "country", "subdivision", "subdivision_basis",
              "metro", "lat", "lon", "location_basis", "status", "opt_in",
              "access_requires_support_request", "carrier", "services", "instance_families",
              "instance_types", "ebs_volume_types", "features", "launch_date", "notes", "source"]
    metro_by_name = {m["name"]: m for m in metros["metros"]}
    for s in sites:
        w = s["id"]
        if list(s) != fields:
            errors.append("%s: field set/order differs" % w)
        if not isinstance(s["lat"], (int, float)) or not isinstance(s["lon"], (int, float)):
            errors.append("%s: missing lat/lon" % w)
        elif not (-90 <= s["lat"] <= 90 and -180 <= s["lon"] <= 180):
            errors.append("%s: lat/lon out of range" % w)
        if s["kind"] == "region":
            if s["parent_region"] is not None:
                errors.append("%s: region with parent" % w)
        elif s["parent_region"] not in regions:
            errors.append("%s: parent_region %r is not a Region id" % (w, s["parent_region"]))
        if len(s["country"]) != 2 or not s["country"].isupper():
            errors.append("%s: bad country %r" % (w, s["country"]))
        if s["subdivision"] is not None:
            if not s["subdivision"].startswith(s["country"] + "-"):
                errors.append("%s: subdivision %s does not match country %s" % (w, s["subdivision"], s["country"]))
            if s["subdivision_basis"] not in ("documented", "city"):
                errors.append("%s: bad subdivision_basis" % w)
        elif s["subdivision_basis"] is not None:
            errors.append("%s: basis without subdivision" % w)
        if s["kind"] == "region" and s["country"] == "US" and s["subdivision_basis"] != "documented":
            errors.append("%s: US Region without documented state" % w)
        for k in ("local", "probable", "unsupported"):
            if s["services"][k] != sorted(set(s["services"][k])):
                errors.append("%s: services.%s not sorted/unique" % (w, k))
        if set(s["services"]["local"]) & set(s["services"]["unsupported"]):
            errors.append("%s: a service is both local and unsupported" % w)
        if s["kind"] == "region" and not s["services"]["all"]:
            errors.append("%s: region without services.all" % w)
        if s["kind"] != "region" and "EC2" not in s["services"]["local"]:
            errors.append("%s: zone without EC2" % w)
        if not s["source"]:
            errors.append("%s: no source" % w)
        m = metro_by_name.get(s["metro"])
        if m is None:
            errors.append("%s: metro %r missing from metros.json" % (w, s["metro"]))
        else:
            if (m["lat"], m["lon"]) != (s["lat"], s["lon"]):
                errors.append("%s: coordinates differ from metros.json %r" % (w, s["metro"]))
            if m["country"] != s["country"]:
                errors.append("%s: country differs from metros.json" % w)
            if s["subdivision_basis"] == "city" and m["subdivision"] != s["subdivision"]:
                errors.append("%s: city-derived subdivision differs from metros.json" % w)
    order = [(KIND_ORDER[s["kind"]], s["id"]) for s in sites]
    if order != sorted(order):
        errors.append("sites not sorted by kind then id")
    op = cat["outposts"]
    for f in op["form_factors"]:
        for r in f["parent_regions"]:
            if r not in regions:
                errors.append("%s: parent Region %s not in catalog" % (f["id"], r))
        for r in f["services_by_parent_region"]:
            if r not in f["parent_regions"]:
                errors.append("%s: services_by_parent_region key %s not a parent Region" % (f["id"], r))
        if set(f["services_local"]) & set(f["services_not_local"]):
            errors.append("%s: service both local and not local" % f["id"])
        for c in f["countries"] or []:
            if len(c) != 2 or not c.isupper():
                errors.append("%s: bad country %r" % (f["id"], c))
        for p in f["support_plans"]:
            if p not in op["support_plans"]["current"]:
                errors.append("%s: unknown support plan %s" % (f["id"], p))
    for s in sites:
        for k in ("local", "probable", "unsupported"):
            for name in s["services"][k]:
                if name not in vocab:
                    errors.append("vocabulary misses %s" % name)
    # metro table: unique names/aliases, codes match countries
    seen = {}
    for m in metros["metros"]:
        for n in [m["name"]] + m.get("aliases", []):
            key = n.casefold()
            if key in seen:
                errors.append("metros.json: %r used twice (%s, %s)" % (n, seen[key], m["name"]))
            seen[key] = m["name"]
        if m["subdivision"] is not None and not m["subdivision"].startswith(m["country"] + "-"):
            errors.append("metros.json: %s subdivision/country mismatch" % m["name"])
    mnames = [m["name"] for m in metros["metros"]]
    if mnames != sorted(mnames, key=lambda n: (n.casefold(), n)):
        errors.append("metros.json: not sorted by name")
    return counts, errors


def build():
    ov = load(OVERRIDES)
    regions = load(os.path.join(UPSTREAM, "regions.json"))
    lzs = load(os.path.join(UPSTREAM, "local_zones.json"))
    wls = load(os.path.join(UPSTREAM, "wavelength_zones.json"))
    op = load(os.path.join(UPSTREAM, "outposts.json"))
    subs = Subdivisions(ov)

    name_counts = {}
    for z in lzs:
        name_counts[z["group_long_name"]] = name_counts.get(z["group_long_name"], 0) + 1

    sites = [region_site(r, ov, subs) for r in regions]
    sites += [local_zone_site(z, ov, subs, name_counts) for z in lzs]
    sites += [wavelength_site(w, ov, subs) for w in wls]
    sites.sort(key=lambda s: (KIND_ORDER[s["kind"]], s["id"]))

    unused = (set(subs.city) - subs.used_city) | (subs.withheld - subs.used_withheld)
    if unused:
        raise BuildError("unused entries in data/overrides.json: %s" % sorted(unused))

    outposts = build_outposts(op, ov)
    catalog = {
        "apiVersion": "edgeplan/v1",
        "kind": "Catalog",
        "metadata": {
            "name": "aws-default",
            "version": CATALOG_VERSION,
            "date": CATALOG_DATE,
            "description": ("Default edgeplan catalog: the 34 AWS Regions of the commercial "
                            "partition, 47 Local Zones and 26 Wavelength Zones, plus Outposts "
                            "rack and server form factors. Generated from data/upstream "
                            "(compiled %s from AWS documentation; see rules/catalog/SOURCES.md). "
                            "Services and instance families marked unknown or probable must be "
                            "verified per location." % CATALOG_DATE),
            "generator": "tools/build_catalog.py",
        },
        "service_vocabulary": service_vocabulary(sites, outposts),
        "sites": sites,
        "outposts": outposts,
    }
    return catalog


def render(catalog):
    return json.dumps(catalog, indent=2, ensure_ascii=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if rules/catalog/catalog.json is not up to date")
    ap.add_argument("--output", default=OUTPUT, help="output path (default: %(default)s)")
    args = ap.parse_args()
    try:
        catalog = build()
        counts, errors = validate(catalog, load(METROS))
    except BuildError as e:
        print("build_catalog: error: %s" % e, file=sys.stderr)
        return 1
    print("regions=%d local_zones=%d wavelength_zones=%d outposts_form_factors=%d services=%d"
          % (counts["region"], counts["local-zone"], counts["wavelength-zone"],
             counts["form_factors"], len(catalog["service_vocabulary"])))
    if errors:
        for e in errors:
            print("build_catalog: validation: %s" % e, file=sys.stderr)
        return 1
    text = render(catalog)
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print("build_catalog: %s is out of date; run tools/build_catalog.py" % args.output,
                  file=sys.stderr)
            return 1
        print("up to date: %s" % os.path.relpath(args.output, ROOT))
        return 0
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % os.path.relpath(args.output, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
