#!/usr/bin/env python3
"""Writes the `aws pricing get-products` fixtures of this folder (README.md).

The shape is the Price List Query API's GetProducts response as the AWS CLI v2
prints it: FormatVersion, PriceList (each product a *string* of JSON) and
NextToken. Every figure is an EXAMPLE, not an AWS price.
Usage: python3 tests/data/aws/pricing/make_fixtures.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
PUBLISHED = "2026-11-20T21:37:58Z"


def dimension(sku, offer, code, unit, usd, description, **extra):
    d = {"unit": unit, "endRange": "Inf", "description": description, "appliesTo": [],
         "rateCode": f"{sku}.{offer}.{code}", "beginRange": "0", "pricePerUnit": {"USD": usd}}
    d.update(extra)
    return {f"{sku}.{offer}.{code}": d}


def on_demand(sku, unit, usd, description):
    offer = "JRTCKXETXF"
    return {f"{sku}.{offer}": {"priceDimensions": dimension(sku, offer, "6YS6EN2CT7", unit, usd, description),
                               "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z", "offerTermCode": offer, "termAttributes": {}}}


def reserved(sku, offer, length, option, klass, hourly, upfront=None):
    dims = dimension(sku, offer, "6YS6EN2CT7", "Hrs", hourly, f"{klass} {length} {option} hourly")
    if upfront is not None:
        dims.update(dimension(sku, offer, "2TG2D8R56U", "Quantity", upfront, "Upfront Fee"))
    return {f"{sku}.{offer}": {"priceDimensions": dims, "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z", "offerTermCode": offer,
                               "termAttributes": {"LeaseContractLength": length, "OfferingClass": klass, "PurchaseOption": option}}}


def compute(sku, region_code, location, location_type, instance_type, hourly, os="Linux", reserved_terms=None):
    attributes = {"instanceType": instance_type, "regionCode": region_code, "location": location, "locationType": location_type,
                  "operatingSystem": os, "tenancy": "Shared", "preInstalledSw": "NA", "capacitystatus": "Used",
                  "licenseModel": "No License required", "usagetype": f"USW2-BoxUsage:{instance_type}", "operation": "RunInstances",
                  "servicecode": "AmazonEC2", "vcpu": "8", "memory": "32 GiB"}
    terms = {"OnDemand": on_demand(sku, "Hrs", hourly, f"${hourly} per On Demand {os} {instance_type} Instance Hour")}
    if reserved_terms:
        terms["Reserved"] = {}
        for r in reserved_terms:
            terms["Reserved"].update(r)
    return {"product": {"productFamily": "Compute Instance", "attributes": attributes, "sku": sku},
            "serviceCode": "AmazonEC2", "terms": terms, "version": "20261120213758", "publicationDate": PUBLISHED}


def ebs(sku, region_code, location, location_type, volume, usd):
    attributes = {"volumeApiName": volume, "regionCode": region_code, "location": location, "locationType": location_type,
                  "storageMedia": "SSD-backed", "usagetype": f"EBS:VolumeUsage.{volume}", "servicecode": "AmazonEC2"}
    return {"product": {"productFamily": "Storage", "attributes": attributes, "sku": sku}, "serviceCode": "AmazonEC2",
            "terms": {"OnDemand": on_demand(sku, "GB-Mo", usd, f"${usd} per GB-month of {volume} provisioned storage")},
            "version": "20261120213758", "publicationDate": PUBLISHED}


def s3_standard(sku):
    attributes = {"volumeType": "Standard", "storageClass": "General Purpose", "regionCode": "us-west-2", "location": "US West (Oregon)",
                  "locationType": "AWS Region", "usagetype": "USW2-TimedStorage-ByteHrs", "servicecode": "AmazonS3"}
    offer = "JRTCKXETXF"
    dims = {}
    for code, begin, end, usd in [("PGHJ3S3EYE", "0", "51200", "0.0230000000"), ("D42MF2PVJS", "51200", "512000", "0.0220000000"),
                                  ("7XBHQ4F57J", "512000", "Inf", "0.0210000000")]:
        dims.update(dimension(sku, offer, code, "GB-Mo", usd, f"${usd} per GB-Mo", beginRange=begin, endRange=end))
    return {"product": {"productFamily": "Storage", "attributes": attributes, "sku": sku}, "serviceCode": "AmazonS3",
            "terms": {"OnDemand": {f"{sku}.{offer}": {"priceDimensions": dims, "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z",
                                                      "offerTermCode": offer, "termAttributes": {}}}},
            "version": "20261118000000", "publicationDate": "2026-11-18T00:00:00Z"}


def page(products, next_token=None):
    out = {"FormatVersion": "aws_v1", "PriceList": [json.dumps(p, separators=(",", ":")) for p in products]}
    if next_token:
        out["NextToken"] = next_token
    return json.dumps(out, indent=4) + "\n"


def main():
    m5_region = compute("2WTMTR9HDDT7AA73", "us-west-2", "US West (Oregon)", "AWS Region", "m5.2xlarge", "0.3840000000",
                        reserved_terms=[reserved("2WTMTR9HDDT7AA73", "4NA7Y494T4", "1yr", "No Upfront", "standard", "0.2420000000"),
                                        reserved("2WTMTR9HDDT7AA73", "HU7G6KETJZ", "3yr", "No Upfront", "standard", "0.1660000000"),
                                        reserved("2WTMTR9HDDT7AA73", "VJWZNREJX2", "1yr", "Partial Upfront", "convertible", "0.1310000000", "1150")])
    m5_windows = compute("5Q2Y3T8UQZ3Q7QZB", "us-west-2", "US West (Oregon)", "AWS Region", "m5.2xlarge", "0.7520000000", os="Windows")
    m5_lax = compute("8CB3Z6GX7YB4AZMY", "us-west-2-lax-1", "US West (Los Angeles)", "AWS Local Zone", "m5.2xlarge", "0.4800000000")
    c5_lax = compute("9NU5QJ3M9V2BTTEX", "us-west-2-lax-1", "US West (Los Angeles)", "AWS Local Zone", "c5.2xlarge", "0.4250000000")
    gp3 = ebs("7E2JM6GHVSAY5T5D", "us-west-2", "US West (Oregon)", "AWS Region", "gp3", "0.0800000000")
    gp2_lax = ebs("HZTFC3CMJB3EJ7YE", "us-west-2-lax-1", "US West (Los Angeles)", "AWS Local Zone", "gp2", "0.1200000000")
    # Two pages appended by hand (--max-items 3, then --starting-token).
    (HERE / "ec2-us-west-2.json").write_text(page([m5_region, m5_windows, m5_lax], "eyJ0b2tlbiI6IDN9") + page([c5_lax, gp3, gp2_lax]))
    (HERE / "s3-us-west-2.json").write_text(page([s3_standard("WP9ANXZGBYYSGJEA")]))
    good = json.dumps(m5_region, separators=(",", ":"))
    broken = json.dumps(m5_lax, separators=(",", ":"))
    broken = broken[:60] + broken[61:]  # a character gone: the string is no longer JSON
    text = json.dumps({"FormatVersion": "aws_v1", "PriceList": [good, broken]}, indent=4) + "\n"
    (HERE / "bad" / "malformed-entry.json").write_text(text)
    eur = json.loads(good.replace('"USD"', '"EUR"'))
    eur["product"]["sku"] = "EURSKU0000000000"
    eur["product"]["attributes"]["regionCode"] = "eu-west-1"
    (HERE / "bad" / "mixed-currencies.json").write_text(page([m5_region, eur]))
    # A month that does not exist: the date would become the file's effective_date.
    undated = json.loads(good)
    undated["publicationDate"] = "2026-19-20T21:37:58Z"
    (HERE / "bad" / "publication-date.json").write_text(page([undated]))
    # A currency the Prices file refuses (ISO 4217 codes are upper-case).
    lower = json.loads(good.replace('"USD"', '"usd"'))
    (HERE / "bad" / "currency-code.json").write_text(page([lower]))
    # No publication date: nothing to give as the prices' source and effective date.
    unstated = json.loads(good)
    del unstated["publicationDate"]
    (HERE / "bad" / "no-publication-date.json").write_text(page([unstated]))
    # "*" is "any item" in a Prices file, which an instance or a volume price may not be.
    any_instance = json.loads(good)
    any_instance["product"]["attributes"]["instanceType"] = "*"
    any_volume = ebs("7E2JM6GHVSAY5T5D", "us-west-2", "US West (Oregon)", "AWS Region", "*", "0.0800000000")
    (HERE / "bad" / "wildcard-items.json").write_text(page([any_instance, any_volume]))


if __name__ == "__main__":
    main()
