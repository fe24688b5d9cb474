#!/usr/bin/env python3
"""Write the fixtures of tests/data/aws/ (see README.md there).

collection/  what scripts/collect-aws.sh writes for account 111122223333 with
             --regions us-east-1,us-west-2,ca-central-1, captured at
             2026-12-01T09:30:00Z; zone names from rules/catalog/catalog.json
bad/         broken or wrong inputs for the importer

The values are fictional, shaped like AWS CLI v2 output: JSON indented by four
spaces, keys in the order of the service model (botocore), timestamps as
2026-12-01T09:00:00+00:00. The generator is kept so that a change to the
fixtures is a reviewed change to this file; run it from anywhere:

    python3 tests/data/aws/make_fixtures.py

It rewrites collection/ and bad/ and touches nothing else.
"""
import base64
import json
import os
import re
import shutil
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
CATALOG = os.path.join(ROOT, "rules", "catalog", "catalog.json")

ACCOUNT = "111122223333"
CAPTURED_AT = "2026-12-01T09:30:00Z"
# The collector asks for the last 7 days, ending at the start of the hour.
START_TIME = "2026-11-24T09:00:00Z"
END_TIME = "2026-12-01T09:00:00Z"
CLI_VERSION = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian.12"
REGIONS = ["us-east-1", "us-west-2", "ca-central-1"]
BOOT_REGION = REGIONS[0]  # the collector sends its global calls to the first --regions entry

# AZ letter -> AZ ID. Per account; this one is shuffled on purpose in us-east-1
# (the importer must go by ZoneId, never by the letter). ca-central-1 has no "c".
AZ_IDS = {
    "us-east-1": {"a": "use1-az4", "b": "use1-az6", "c": "use1-az1", "d": "use1-az2", "e": "use1-az3", "f": "use1-az5"},
    "us-west-2": {"a": "usw2-az1", "b": "usw2-az2", "c": "usw2-az3", "d": "usw2-az4"},
    "ca-central-1": {"a": "cac1-az1", "b": "cac1-az2", "d": "cac1-az4"},
}
ID_PREFIX = {"us-east-1": "use1", "us-west-2": "usw2", "ca-central-1": "cac1"}
OPTED_IN_GROUPS = {
    "us-west-2": {"us-west-2-den-1", "us-west-2-lax-1", "us-west-2-wl1"},
    "us-east-1": {"us-east-1-bos-1", "us-east-1-chi-2", "us-east-1-nyc-2", "us-east-1-mia-2"},
    "ca-central-1": set(),
}
OPTED_IN_REGIONS = {"af-south-1", "ap-east-1"}  # the other opt-in Regions: not-opted-in
OMITTED_ZONES = {"us-east-1-bue-1a"}  # in the catalog, not visible to this account
EXTRA_ZONES = {  # visible to this account, not in the catalog
    "us-west-2": [("us-west-2-slc-1a", "local-zone", "US West (Salt Lake City) 1", None)],
}
# Parent AZ letter of each Local/Wavelength Zone, by metro code (default "a").
PARENT_LETTER = {
    "us-west-2": {"lax": "b", "las": "c", "phx": "c", "sea": "b", "pdx": "b", "sfo": "b"},
    "us-east-1": {"chi": "d", "msp": "d", "mci": "d", "dfw": "d", "iah": "d", "atl": "a", "mia": "a",
                  "lim": "a", "scl": "a", "qro": "d", "foe": "d", "dtw": "d", "bna": "a", "tpa": "a", "clt": "a"},
}


def write_json(path, doc):
    """As the AWS CLI v2 prints it: json.dumps(indent=4, ensure_ascii=False) and a newline."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=4, ensure_ascii=False) + "\n")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


# --- the AWS CLI's --output text rendering (awscli/text.py, re-stated) -------
def text_output(item):
    out = []

    def fmt(item, identifier=None, scalar_keys=None):
        if isinstance(item, dict):
            scalars, non_scalars = [], []
            if scalar_keys is None:
                for k, v in sorted(item.items()):
                    (non_scalars.append((k, v)) if isinstance(v, (dict, list)) else scalars.append(str(v)))
            else:
                scalars = [str(item.get(k, "")) for k in scalar_keys]
                non_scalars = [(k, item[k]) for k in sorted(set(item) - set(scalar_keys))]
            if scalars:
                out.append("\t".join(([identifier.upper()] if identifier is not None else []) + scalars) + "\n")
            for k, v in non_scalars:
                fmt(v, identifier=k)
        elif isinstance(item, list):
            if not item:
                return
            if any(isinstance(e, dict) for e in item):
                keys = sorted({k for e in item if isinstance(e, dict) for k, v in e.items() if not isinstance(v, (dict, list))})
                for e in item:
                    fmt(e, identifier=identifier, scalar_keys=keys)
            elif any(isinstance(e, list) for e in item):
                scalars = [e for e in item if not isinstance(e, (dict, list))]
                if scalars:
                    scalar_list(scalars, identifier)
                for e in item:
                    if isinstance(e, (dict, list)):
                        fmt(e, identifier=identifier)
            else:
                scalar_list(item, identifier)
        else:
            out.append(str(item) + "\n")

    def scalar_list(items, identifier):
        if identifier is not None:
            out.extend("%s\t%s\n" % (identifier.upper(), e) for e in items)
        else:
            out.append("\t".join(str(e) for e in items) + "\n")

    fmt(item)
    return "".join(out)


# --- zones -------------------------------------------------------------------
def zone(region, name, zone_id, group, nbg, ztype, long_name, parent=None):
    z = {"OptInStatus": "opt-in-not-required", "Messages": [], "RegionName": region, "ZoneName": name,
         "ZoneId": zone_id, "GroupName": group, "NetworkBorderGroup": nbg, "ZoneType": ztype}
    if ztype != "availability-zone":
        z["OptInStatus"] = "opted-in" if group in OPTED_IN_GROUPS[region] else "not-opted-in"
        pname, pid = parent
        z["ParentZoneName"] = pname
        z["ParentZoneId"] = pid
    z["GroupLongName"] = long_name
    z["State"] = "available"
    # key order of the service model: OptInStatus, Messages, RegionName, ZoneName, ZoneId,
    # GroupName, NetworkBorderGroup, ZoneType, ParentZoneName, ParentZoneId, GroupLongName, State
    return z


def parent_of(region, metro):
    letter = PARENT_LETTER.get(region, {}).get(metro, "a")
    return region + letter, AZ_IDS[region][letter]


def zones_for(region, catalog):
    region_site = next(s for s in catalog["sites"] if s["id"] == region)
    out = []
    for letter, az_id in AZ_IDS[region].items():
        out.append(zone(region, region + letter, az_id, region + "-zg-1", region, "availability-zone",
                        region_site["name"] + " 1"))
    geo = region_site["name"].split(" (")[0]  # "US West", "US East", "Canada"
    sites = [s for s in catalog["sites"] if s["parent_region"] == region and s["id"] not in OMITTED_ZONES]
    extra = [{"id": n, "kind": t, "long": ln} for n, t, ln, _ in EXTRA_ZONES.get(region, [])]
    for s in sites + extra:
        name = s["id"]
        if s["kind"] == "local-zone":
            m = re.fullmatch(re.escape(region) + r"-([a-z]+)-(\d+)([a-z])", name)
            metro, n, letter = m.groups()
            group = name[:-1]
            zone_id = "%s-%s%s-az%d" % (ID_PREFIX[region], metro, n, ord(letter) - ord("a") + 1)
            if "long" in s:
                long_name = s["long"]
            else:
                base = re.sub(r" \(zone [a-z]\)$", "", s["name"])
                base = re.sub(r" \d+$", "", base)
                long_name = "%s %s" % (ascii_fold(base), n)
            out.append(zone(region, name, zone_id, group, group, "local-zone", long_name, parent_of(region, metro)))
        elif s["kind"] == "wavelength-zone":
            m = re.fullmatch(re.escape(region) + r"-wl1-([a-z]+)-wlz-1", name)
            if m:
                metro = m.group(1)
                zone_id = "%s-wl1-%s-wlz1" % (ID_PREFIX[region], metro)
                nbg = name
            else:  # the catalog's us-east-1-foe-wlz-1a (Topeka): named unlike the others
                m = re.fullmatch(re.escape(region) + r"-([a-z]+)-wlz-1([a-z])", name)
                metro = m.group(1)
                zone_id = "%s-%s-wlz1-az1" % (ID_PREFIX[region], metro)
                nbg = name[:-1]
            out.append(zone(region, name, zone_id, region + "-wl1", nbg, "wavelength-zone",
                            "%s (%s)" % (geo, s["carrier"]), parent_of(region, metro)))
    out.sort(key=lambda z: z["ZoneName"])
    return out


# --- instance type offerings -------------------------------------------------
AZ_TYPES = ["c5.large", "c5.xlarge", "c5.2xlarge", "g4dn.xlarge", "m5.large", "m5.xlarge", "m5.2xlarge",
            "m6i.large", "m6i.xlarge", "r5.large", "r5.xlarge", "t3.micro", "t3.medium"]
ZONE_TYPES = {
    "us-west-2-den-1a": ["c5.2xlarge", "c5.4xlarge", "c5.9xlarge", "m5.2xlarge", "m5.4xlarge", "r5.2xlarge",
                         "t3.medium", "t3.xlarge", "g4dn.2xlarge"],
    "us-west-2-lax-1a": ["c5.2xlarge", "c5.4xlarge", "c5.9xlarge", "c6i.2xlarge", "c6i.4xlarge", "g4dn.2xlarge",
                         "g4dn.4xlarge", "m5.2xlarge", "m5.4xlarge", "m6i.2xlarge", "m6i.4xlarge", "r5.2xlarge",
                         "r5.4xlarge", "r6i.2xlarge", "r6i.4xlarge", "t3.medium", "t3.xlarge"],
    "us-west-2-lax-1b": ["c6i.2xlarge", "c6i.4xlarge", "m6i.2xlarge", "m6i.4xlarge", "r6i.2xlarge", "t3.medium",
                         "t3.xlarge"],
    "us-east-1-bos-1a": ["c5.2xlarge", "c5.4xlarge", "g4dn.2xlarge", "m5.2xlarge", "m5.4xlarge", "r5.2xlarge",
                         "t3.medium", "t3.xlarge"],
}
WAVELENGTH_TYPES = ["t3.medium", "t3.xlarge", "r5.2xlarge", "g4dn.2xlarge"]
LZ_DEFAULT_TYPES = ["c5.2xlarge", "c5.4xlarge", "m5.2xlarge", "m5.4xlarge", "r5.2xlarge", "t3.medium", "t3.xlarge"]


def offerings_for(region, zones):
    rows = []
    for z in zones:
        if z["ZoneType"] == "availability-zone":
            types = AZ_TYPES if region == "us-west-2" else ["c5.large", "m5.large", "r5.large", "t3.medium"]
            if z["ZoneId"].endswith("az4") and region == "us-west-2":
                types = [t for t in types if not t.startswith("g4dn")]  # not every AZ has every type
        elif z["OptInStatus"] != "opted-in":
            continue  # offerings only where the account has opted in
        elif z["ZoneType"] == "wavelength-zone":
            types = WAVELENGTH_TYPES
        else:
            types = ZONE_TYPES.get(z["ZoneName"], LZ_DEFAULT_TYPES)
        rows += [{"InstanceType": t, "LocationType": "availability-zone", "Location": z["ZoneName"]} for t in types]
    return rows


def cli_next_token(service_token, truncate):
    """The AWS CLI's own --max-items token: base64 of its JSON state."""
    state = json.dumps({"NextToken": service_token, "boto_truncate_amount": truncate})
    return base64.b64encode(state.encode()).decode()


def pages_text(pages):
    return "".join(json.dumps(p, indent=4, ensure_ascii=False) + "\n" for p in pages)


# --- Outposts ----------------------------------------------------------------
SITE_DETROIT = "os-0123456789abcdef0"
SITE_CHICAGO = "os-0fedcba9876543210"
OUTPOSTS = [
    # id, name, description, status, AZ letter, site, hardware, tags
    ("op-0a1b2c3d4e5f67890", "detroit-rack-1", "Stamping line vision and PLC analytics", "ACTIVE", "c",
     SITE_DETROIT, "RACK", {"site": "detroit", "cost-center": "mfg-4410"}),
    ("op-0f9e8d7c6b5a43210", "chicago-server-1", "Warehouse scanning, one 1U server", "ACTIVE", "d",
     SITE_CHICAGO, "SERVER", {"site": "chicago"}),
    ("op-01234abcd5678ef90", "detroit-rack-0", "First rack, being replaced by detroit-rack-1", "RETIRING", "c",
     SITE_DETROIT, "RACK", {"site": "detroit", "cost-center": "mfg-4410"}),
]
VCPUS = {"medium": 1, "large": 2, "xlarge": 4, "2xlarge": 8, "4xlarge": 16, "8xlarge": 32, "9xlarge": 36,
         "12xlarge": 48, "16xlarge": 64, "18xlarge": 72, "24xlarge": 96}
OUTPOST_TYPES = {
    "op-0a1b2c3d4e5f67890": ["m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge", "m5.12xlarge", "c5.large",
                             "c5.xlarge", "c5.2xlarge", "c5.4xlarge", "c5.9xlarge", "r5.large", "r5.xlarge",
                             "r5.2xlarge", "r5.4xlarge", "g4dn.xlarge", "g4dn.2xlarge"],
    "op-0f9e8d7c6b5a43210": ["c6gd.medium", "c6gd.large", "c6gd.xlarge", "c6gd.2xlarge", "c6gd.4xlarge",
                             "c6gd.8xlarge", "c6gd.16xlarge"],
    "op-01234abcd5678ef90": ["m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge", "m5.12xlarge"],
}


def site_arn(site_id):
    return "arn:aws:outposts:us-east-1:%s:site/%s" % (ACCOUNT, site_id)


def outpost_arn(op_id):
    return "arn:aws:outposts:us-east-1:%s:outpost/%s" % (ACCOUNT, op_id)


def outposts_sites():
    return {"Sites": [
        {"SiteId": SITE_DETROIT, "AccountId": ACCOUNT, "Name": "Detroit stamping plant",
         "Description": "Press shop 3, server room next to the paint line",
         "Tags": {"site": "detroit"}, "SiteArn": site_arn(SITE_DETROIT),
         "Notes": "Loading dock B \u2014 ask security for an escort badge; forklift on weekdays only.",
         "OperatingAddressCountryCode": "US", "OperatingAddressStateOrRegion": "MI",
         "OperatingAddressCity": "Detroit",
         "RackPhysicalProperties": {"PowerDrawKva": "POWER_15_KVA", "PowerPhase": "THREE_PHASE",
                                    "PowerConnector": "IEC309", "PowerFeedDrop": "ABOVE_RACK",
                                    "UplinkGbps": "UPLINK_10G", "UplinkCount": "UPLINK_COUNT_2",
                                    "FiberOpticCableType": "SINGLE_MODE", "OpticalStandard": "OPTIC_10GBASE_LR",
                                    "MaximumSupportedWeightLbs": "MAX_2000_LBS"}},
        # An Outposts server site: no rack properties at all.
        {"SiteId": SITE_CHICAGO, "AccountId": ACCOUNT, "Name": "Chicago distribution centre",
         "Description": "Warehouse, network closet MDF-1", "Tags": {}, "SiteArn": site_arn(SITE_CHICAGO),
         "OperatingAddressCountryCode": "US", "OperatingAddressStateOrRegion": "IL",
         "OperatingAddressCity": "Chicago"},
    ]}


def outposts_list():
    rows = []
    for op_id, name, desc, status, letter, site, hw, tags in OUTPOSTS:
        rows.append({"OutpostId": op_id, "OwnerId": ACCOUNT, "OutpostArn": outpost_arn(op_id), "SiteId": site,
                     "Name": name, "Description": desc, "LifeCycleStatus": status,
                     "AvailabilityZone": "us-east-1" + letter, "AvailabilityZoneId": AZ_IDS["us-east-1"][letter],
                     "Tags": tags, "SiteArn": site_arn(site), "SupportedHardwareType": hw})
    return {"Outposts": rows}


def outpost_instance_types(op_id):
    return {"InstanceTypes": [{"InstanceType": t, "VCPUs": VCPUS[t.split(".")[1]]} for t in OUTPOST_TYPES[op_id]],
            "OutpostId": op_id, "OutpostArn": outpost_arn(op_id)}


def catalog_items():
    # EC2Capacity.MaxSize and .Quantity are strings in the service model; PowerKva
    # is a float32 on the wire (hence 12.399999618530273), WeightLbs an integer.
    return {"CatalogItems": [
        {"CatalogItemId": "OR-ABC1234", "ItemStatus": "AVAILABLE",
         "EC2Capacities": [{"Family": "m5", "MaxSize": "24xlarge", "Quantity": "4"},
                           {"Family": "c5", "MaxSize": "24xlarge", "Quantity": "2"}],
         "PowerKva": 12.399999618530273, "WeightLbs": 1650, "SupportedUplinkGbps": [1, 10, 40, 100],
         "SupportedStorage": ["EBS", "S3"]},
        {"CatalogItemId": "OR-DEF5678", "ItemStatus": "AVAILABLE",
         "EC2Capacities": [{"Family": "g4dn", "MaxSize": "12xlarge", "Quantity": "2"},
                           {"Family": "m5", "MaxSize": "24xlarge", "Quantity": "2"}],
         "PowerKva": 14.5, "WeightLbs": 1880, "SupportedUplinkGbps": [10, 40, 100],
         "SupportedStorage": ["EBS", "S3"]},
        {"CatalogItemId": "OR-GHI9012", "ItemStatus": "DISCONTINUED",
         "EC2Capacities": [{"Family": "r5", "MaxSize": "24xlarge", "Quantity": "3"}],
         "PowerKva": 10.0, "WeightLbs": 2050, "SupportedUplinkGbps": [1, 10, 40, 100],
         "SupportedStorage": ["EBS"]},
        # An Outposts server: no SupportedStorage in the answer.
        {"CatalogItemId": "OR-S1C6GD1", "ItemStatus": "AVAILABLE",
         "EC2Capacities": [{"Family": "c6gd", "MaxSize": "16xlarge", "Quantity": "1"}],
         "PowerKva": 0.44999998807907104, "WeightLbs": 30, "SupportedUplinkGbps": [1, 10]},
    ]}


# --- network performance -----------------------------------------------------
# p50 round-trip latency in ms over the week; fibre is ~1 ms of round trip per
# 100 km of path, paths run ~1.3-1.5x the great circle. Oregon-N. Virginia
# ~3,600 km, Oregon-Montreal ~3,600 km, N. Virginia-Montreal ~800 km.
LATENCY_MS = {
    ("us-east-1", "us-west-2"): 65.12, ("us-east-1", "ca-central-1"): 15.71,
    ("us-west-2", "us-east-1"): 64.87, ("us-west-2", "ca-central-1"): 63.35,
    ("ca-central-1", "us-east-1"): 15.64, ("ca-central-1", "us-west-2"): 63.52,
}


def net_query(src, dst):
    return {"Id": "%s-to-%s" % (src, dst), "Source": src, "Destination": dst, "Metric": "aggregate-latency",
            "Statistic": "p50", "Period": "one-week"}


def network_for(region):
    rows = []
    for other in REGIONS:
        if other == region:
            continue
        q = net_query(region, other)
        q["MetricPoints"] = [{"StartDate": "2026-11-24T09:00:00+00:00", "EndDate": "2026-12-01T09:00:00+00:00",
                              "Value": LATENCY_MS[(region, other)], "Status": "OK"}]
        rows.append(q)
    return {"DataResponses": rows}


def compact(doc):
    return json.dumps(doc, separators=(",", ":"))


def net_command(region, queries):
    return ("aws ec2 get-aws-network-performance-data --region %s --start-time %s --end-time %s "
            "--data-queries '%s' --output json" % (region, START_TIME, END_TIME, compact(queries)))


# --- the collection ----------------------------------------------------------
def main():
    with open(CATALOG, encoding="utf-8") as f:
        catalog = json.load(f)
    coll = os.path.join(HERE, "collection")
    bad = os.path.join(HERE, "bad")
    for d in (coll, bad):
        shutil.rmtree(d, ignore_errors=True)

    files, failed = [], []

    def put(rel, doc, command, region, raw=None):
        path = os.path.join(coll, rel)
        if raw is None:
            write_json(path, doc)
        else:
            write_text(path, raw)
        files.append({"file": rel, "command": command, "region": region})

    def fail(command, region, status, message):
        failed.append({"command": command, "region": region, "status": status, "message": message})

    put("sts-get-caller-identity.json",
        {"UserId": "AIDAZ3EXAMPLEPLANNER7", "Account": ACCOUNT,
         "Arn": "arn:aws:iam::%s:user/edge-planner" % ACCOUNT},
        "aws sts get-caller-identity --region %s --output json" % BOOT_REGION, None)

    regions = sorted((s for s in catalog["sites"] if s["kind"] == "region"), key=lambda s: s["id"])
    assert len(regions) == 34, len(regions)
    put("ec2-describe-regions.json", {"Regions": [
        {"OptInStatus": ("opted-in" if s["id"] in OPTED_IN_REGIONS else "not-opted-in") if s["opt_in"]
         else "opt-in-not-required", "RegionName": s["id"], "Endpoint": "ec2.%s.amazonaws.com" % s["id"]}
        for s in regions]}, "aws ec2 describe-regions --all-regions --region %s --output json" % BOOT_REGION, None)

    zones_by_region = {}
    for r in REGIONS:
        zones = zones_for(r, catalog)
        zones_by_region[r] = zones
        put("%s/ec2-describe-availability-zones.json" % r, {"AvailabilityZones": zones},
            "aws ec2 describe-availability-zones --all-availability-zones --region %s --output json" % r, r)

        cmd = "aws ec2 describe-instance-type-offerings --location-type availability-zone --region %s --output json" % r
        if r == "ca-central-1":
            fail(cmd, r, 254, "An error occurred (RequestLimitExceeded) when calling the "
                 "DescribeInstanceTypeOfferings operation (reached max retries: 2): Request limit exceeded.")
        elif r == "us-west-2":
            # Two pages, as `--max-items 40` and then `--starting-token` appended with >>.
            rows = offerings_for(r, zones)
            first = {"InstanceTypeOfferings": rows[:40], "NextToken": cli_next_token(
                "AAEAAW9mZmVyaW5ncy11cy13ZXN0LTItcGFnZS0y", 40)}
            put("%s/ec2-describe-instance-type-offerings.json" % r, None, cmd, r,
                raw=pages_text([first, {"InstanceTypeOfferings": rows[40:]}]))
        else:
            put("%s/ec2-describe-instance-type-offerings.json" % r, {"InstanceTypeOfferings": offerings_for(r, zones)},
                cmd, r)

        put("%s/outposts-list-sites.json" % r, outposts_sites() if r == "us-east-1" else {"Sites": []},
            "aws outposts list-sites --region %s --output json" % r, r)
        put("%s/outposts-list-outposts.json" % r, outposts_list() if r == "us-east-1" else {"Outposts": []},
            "aws outposts list-outposts --region %s --output json" % r, r)
        if r == "us-east-1":
            for op in OUTPOSTS:
                put("%s/outposts-get-outpost-instance-types-%s.json" % (r, op[0]), outpost_instance_types(op[0]),
                    "aws outposts get-outpost-instance-types --outpost-id %s --region %s --output json" % (op[0], r), r)
            put("%s/outposts-list-catalog-items.json" % r, catalog_items(),
                "aws outposts list-catalog-items --region %s --output json" % r, r)

        # First try: Region pairs and every Local/Wavelength Zone to its parent AZ.
        region_q = [net_query(r, o) for o in REGIONS if o != r]
        zone_q = [net_query(z["ZoneId"], z["ParentZoneId"]) for z in zones if z["ZoneType"] != "availability-zone"]
        fail(net_command(r, region_q + zone_q), r, 254,
             "An error occurred (InvalidParameterValue) when calling the GetAwsNetworkPerformanceData operation: "
             "Invalid value '%s' for Source. Specify a Region code or an Availability Zone ID." % zone_q[0]["Source"])
        put("%s/ec2-get-aws-network-performance-data.json" % r, network_for(r), net_command(r, region_q), r)

    # The manifest keeps the order in which the collector writes: files first, then failed.
    write_json(os.path.join(coll, "manifest.json"), {
        "kind": "AwsCollection", "collector": "edgeplan scripts/collect-aws.sh", "captured_at": CAPTURED_AT,
        "account": ACCOUNT, "aws_cli_version": CLI_VERSION, "regions": REGIONS, "files": files, "failed": failed})

    # --- bad/ --------------------------------------------------------------
    usw2 = {"AvailabilityZones": zones_by_region["us-west-2"]}
    usw2_text = json.dumps(usw2, indent=4, ensure_ascii=False) + "\n"
    cut = usw2_text.index('"ZoneId": "usw2-lax1-az1"') + len('"ZoneId": "usw2-')
    write_text(os.path.join(bad, "truncated.json"), usw2_text[:cut])
    write_json(os.path.join(bad, "other-command.json"), {"Reservations": [{
        "ReservationId": "r-0a9b8c7d6e5f40312", "OwnerId": ACCOUNT, "Groups": [],
        "Instances": [{"AmiLaunchIndex": 0, "ImageId": "ami-0c1d2e3f4a5b6c7d8", "InstanceId": "i-0123456789abcdef0",
                       "InstanceType": "g4dn.2xlarge", "LaunchTime": "2026-11-28T14:02:11+00:00",
                       "Placement": {"AvailabilityZone": "us-west-2-den-1a", "GroupName": "", "Tenancy": "default"},
                       "PrivateIpAddress": "10.40.12.7", "State": {"Code": 16, "Name": "running"},
                       "SubnetId": "subnet-0fedcba9876543210", "VpcId": "vpc-0abc1234def567890",
                       "Architecture": "x86_64", "Tags": [{"Key": "Name", "Value": "den-render-1"}]}]}]})
    write_json(os.path.join(bad, "empty-zones.json"), {"AvailabilityZones": []})
    write_text(os.path.join(bad, "zones-text.json"), text_output(usw2))
    write_text(os.path.join(bad, "cli-error.json"),
               "\nAn error occurred (UnauthorizedOperation) when calling the DescribeAvailabilityZones operation: "
               "You are not authorized to perform this operation. User: arn:aws:iam::%s:user/edge-planner is not "
               "authorized to perform: ec2:DescribeAvailabilityZones because no identity-based policy allows the "
               "ec2:DescribeAvailabilityZones action\n" % ACCOUNT)
    import yaml  # python3-yaml; only this generator needs it
    write_text(os.path.join(bad, "yaml-output.json"),
               yaml.safe_dump(usw2, sort_keys=False, default_flow_style=False, allow_unicode=True, width=1000))
    wrong = json.loads(json.dumps(usw2["AvailabilityZones"][:4]))
    wrong[0]["OptInStatus"] = 1
    del wrong[2]["ZoneName"]
    write_json(os.path.join(bad, "wrong-types.json"), {"AvailabilityZones": wrong})
    rows = offerings_for("us-west-2", zones_by_region["us-west-2"])
    write_text(os.path.join(bad, "unfinished-pages.json"), pages_text([
        {"InstanceTypeOfferings": rows[:20], "NextToken": cli_next_token("AAEAAW9mZmVyaW5ncy1wYWdlLTI=", 20)},
        {"InstanceTypeOfferings": rows[20:40], "NextToken": cli_next_token("AAEAAW9mZmVyaW5ncy1wYWdlLTM=", 40)}]))


if __name__ == "__main__":
    main()
