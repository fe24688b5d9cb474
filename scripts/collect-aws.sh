#!/usr/bin/env bash
# collect-aws.sh: save the AWS CLI outputs that `edgeplan catalog import` reads.
#
# Usage: scripts/collect-aws.sh OUTDIR [--regions r1,r2,...] [--profile P]
#                               [--no-outposts] [--no-network]
#        scripts/collect-aws.sh --help
#
# Runs the AWS CLI v2 with YOUR credentials (the default profile, or --profile P)
# and saves each command's JSON output under OUTDIR, with OUTDIR/manifest.json
# listing every file written and every command that failed. Every call is
# read-only (get, describe, list). edgeplan itself never calls AWS: once this is
# done, `edgeplan catalog import OUTDIR` works offline.
#
# Options:
#   --regions r1,r2  the Regions to collect; default: every Region enabled for
#                    the account (describe-regions: OptInStatus opted-in or
#                    opt-in-not-required)
#   --profile P      use the AWS CLI profile P (exported as AWS_PROFILE)
#   --no-outposts    skip the AWS Outposts commands
#   --no-network     skip get-aws-network-performance-data
#   -h, --help       print this help
#
# OUTDIR must be new or empty. It receives (R: each Region; the CLI pages
# through long results itself):
#   manifest.json                                 what was written, what failed
#   sts-get-caller-identity.json                  aws sts get-caller-identity
#   ec2-describe-regions.json                     aws ec2 describe-regions --all-regions
#   R/ec2-describe-availability-zones.json        aws ec2 describe-availability-zones --all-availability-zones
#   R/ec2-describe-instance-type-offerings.json   aws ec2 describe-instance-type-offerings --location-type availability-zone
#   R/outposts-list-sites.json                    aws outposts list-sites
#   R/outposts-list-outposts.json                 aws outposts list-outposts
#   R/outposts-get-outpost-instance-types-ID.json aws outposts get-outpost-instance-types, per Outpost
#   R/outposts-list-catalog-items.json            aws outposts list-catalog-items, only in Regions where
#                                                 the account has an Outposts site or an Outpost
#   R/ec2-get-aws-network-performance-data.json   p50 aggregate-latency, period one-week, the last 7 days
#
# Network latency: one get-aws-network-performance-data call per Region R asks
# for R to each other Region collected and for each Local and Wavelength Zone
# of R (ZoneId) to its parent AZ (ParentZoneId). The API reference names only
# Region codes and Availability Zone IDs as sources and destinations; if the
# call is refused, the refusal is recorded and the call repeated with the Region
# pairs alone. The API documents no limit on the number of queries per call, so
# they are not split.
#
# A failed command (no permission, a service not offered in a Region,
# throttling) does not stop the collection: it is listed in the manifest's
# "failed" (command, Region, exit status, first line of the CLI's message) and
# leaves no file. Each file appears whole or not at all (written aside, then
# renamed); manifest.json is written last.
#
# Exit status: 0 when describe-regions succeeded (the summary line counts the
# failures); 1 when it did not (no credentials, no network: OUTDIR is left
# without a manifest); 2 for a usage error.
#
# Needs bash 3.2 or later and the AWS CLI v2 (`aws`); no jq. IAM permissions:
# sts:GetCallerIdentity, ec2:DescribeRegions, ec2:DescribeAvailabilityZones,
# ec2:DescribeInstanceTypeOfferings, ec2:GetAwsNetworkPerformanceData,
# outposts:ListSites, outposts:ListOutposts, outposts:GetOutpostInstanceTypes,
# outposts:ListCatalogItems.
set -euo pipefail

readonly PROG=collect-aws
readonly COLLECTOR="edgeplan scripts/collect-aws.sh"

usage() {
  # The comment block above, from its second line to the first line that is not a comment.
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}
die_usage() {
  printf '%s: %s\n' "$PROG" "$1" >&2
  printf "Try '%s --help'.\n" "$0" >&2
  exit 2
}
note() { printf '%s: %s\n' "$PROG" "$*" >&2; }

# --- JSON and shell text -------------------------------------------------------

# json_escape S: S as the inside of a JSON string (quotes, backslashes and
# control characters escaped; other characters as they are).
json_escape() {
  local s=$1 code ch hex
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  s=${s//$'\b'/\\b}
  s=${s//$'\f'/\\f}
  for code in 1 2 3 4 5 6 7 11 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 127; do
    printf -v ch '%b' "\\0$(printf '%03o' "$code")"
    if [[ $s == *"$ch"* ]]; then
      printf -v hex '\\u%04x' "$code"
      s=${s//"$ch"/$hex}
    fi
  done
  printf '%s' "$s"
}
json_str() { printf '"%s"' "$(json_escape "$1")"; }
json_str_or_null() { if [[ -n $1 ]]; then json_str "$1"; else printf 'null'; fi; }

# shell_join ARG...: the command as one line a user can paste into a shell.
shell_join() {
  local out="" arg safe='^[A-Za-z0-9_./:=,@+%-]+$' q="'" qq="'\\''"
  for arg in "$@"; do
    if [[ $arg =~ $safe ]]; then
      out+=" $arg"
    else
      out+=" '${arg//$q/$qq}'"
    fi
  done
  printf '%s' "${out# }"
}

# first_line FILE: the first non-blank line of FILE, trimmed, valid UTF-8.
# (The AWS CLI v2 starts its error messages with a blank line.)
first_line() {
  local line clean
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    [[ $line =~ [^[:space:]] ]] || continue
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    clean=""
    if command -v iconv >/dev/null 2>&1; then
      clean=$(printf '%s' "$line" | iconv -f UTF-8 -t UTF-8 -c 2>/dev/null || true)
    fi
    if [[ -z $clean ]]; then
      clean=$(printf '%s' "$line" | LC_ALL=C tr -cd '\11\40-\176')
    fi
    printf '%s' "$clean"
    return 0
  done <"$1"
  printf '%s' "(the AWS CLI printed no message)"
}

# iso_utc EPOCH: 2026-12-01T09:30:00Z (GNU date, then BSD date).
iso_utc() {
  date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$1" +%Y-%m-%dT%H:%M:%SZ
}

# --- arguments -------------------------------------------------------------------

outdir="" regions_arg="" have_regions=0 profile="" want_outposts=1 want_network=1
while (($# > 0)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --regions)
      (($# >= 2)) || die_usage "--regions needs a value, e.g. --regions us-east-1,us-west-2"
      regions_arg=$2 have_regions=1
      shift 2 ;;
    --regions=*) regions_arg=${1#*=} have_regions=1; shift ;;
    --profile)
      (($# >= 2)) || die_usage "--profile needs a value"
      profile=$2
      shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    --no-outposts) want_outposts=0; shift ;;
    --no-network) want_network=0; shift ;;
    --)
      shift
      (($# <= 1)) || die_usage "more than one OUTDIR"
      if (($# == 1)); then
        [[ -z $outdir ]] || die_usage "more than one OUTDIR: $outdir, $1"
        outdir=$1
        shift
      fi ;;
    -*) die_usage "unknown option: $1" ;;
    *)
      [[ -z $outdir ]] || die_usage "more than one OUTDIR: $outdir, $1"
      outdir=$1
      shift ;;
  esac
done
[[ -n $outdir ]] || die_usage "missing OUTDIR (the directory to write the collection to)"

readonly region_re='^[a-z]{2}(-[a-z]+)+-[0-9]+$'
regions=()
add_region() {
  local r
  for r in ${regions[@]+"${regions[@]}"}; do
    if [[ $r == "$1" ]]; then return 0; fi
  done
  regions+=("$1")
}
if ((have_regions)); then
  IFS=, read -r -a requested <<<"$regions_arg"
  for r in ${requested[@]+"${requested[@]}"}; do
    r=${r// /}
    [[ -n $r ]] || continue
    [[ $r =~ $region_re ]] || die_usage "not a Region code: '$r' (e.g. us-west-2)"
    add_region "$r"
  done
  ((${#regions[@]} > 0)) || die_usage "--regions names no Region"
fi
if [[ -n $profile ]]; then
  [[ $profile =~ ^[A-Za-z0-9_.@+=,-]+$ ]] || die_usage "not a profile name: '$profile'"
fi

# --- the AWS CLI -----------------------------------------------------------------

if ! command -v aws >/dev/null 2>&1; then
  note "error: the AWS CLI ('aws') is not on PATH. Install version 2:"
  note "  https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
  exit 1
fi
cli_version=$(aws --version 2>&1 | head -n 1 || true)
cli_version=${cli_version%$'\r'}
if [[ $cli_version != aws-cli/2.* ]]; then
  note "error: this script needs the AWS CLI version 2; 'aws --version' says: ${cli_version:-nothing}"
  exit 1
fi
# No pager, no prompts; the profile for every call. Each data call also says
# --output json, whatever the profile's output setting.
export AWS_PAGER="" AWS_CLI_AUTO_PROMPT=off
if [[ -n $profile ]]; then export AWS_PROFILE=$profile; fi

# --- the output directory ----------------------------------------------------------

created_outdir=0
if [[ -e $outdir || -L $outdir ]]; then
  if [[ ! -d $outdir ]]; then
    note "error: $outdir exists and is not a directory"
    exit 1
  fi
  if [[ -n $(ls -A "$outdir") ]]; then
    note "error: $outdir is not empty; give a new or an empty directory (one collection per directory)"
    exit 1
  fi
else
  mkdir -p "$outdir" || { note "error: cannot create $outdir"; exit 1; }
  created_outdir=1
fi
outdir=${outdir%/}
[[ -n $outdir ]] || outdir=/

work=$(mktemp -d "${TMPDIR:-/tmp}/collect-aws.XXXXXX")
pending_tmp=""
cleanup() {
  if [[ -n $pending_tmp ]]; then rm -f "$pending_tmp"; fi
  rm -rf "$work"
}
trap cleanup EXIT
interrupted() {
  note "interrupted: $outdir has no manifest.json; collect again into a new directory"
  exit "$1"
}
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

now=$(date -u +%s)
captured_at=$(iso_utc "$now")
end_epoch=$((now - now % 3600))
start_time=$(iso_utc $((end_epoch - 7 * 86400)))
end_time=$(iso_utc "$end_epoch")

# --- running commands --------------------------------------------------------------

files_json=()   # manifest "files", in the order written
failed_json=()  # manifest "failed", in the order met
written=()      # paths written, to take back if the collection cannot go on
last_status=0 last_message="" query_out=""

record_failure() { # REGION STATUS MESSAGE CMD...
  local region=$1 status=$2 message=$3
  shift 3
  failed_json+=("{\"command\": $(json_str "$(shell_join "$@")"), \"region\": $(json_str_or_null "$region"), \"status\": $status, \"message\": $(json_str "$message")}")
  last_status=$status last_message=$message
  note "${region:-global}: FAILED ($status) $1 $2 $3: $message"
}

# run_save REL REGION CMD...: run CMD; on success its output becomes OUTDIR/REL.
run_save() {
  local rel=$1 region=$2 status=0
  shift 2
  local dest=$outdir/$rel
  pending_tmp=$dest.tmp.$$
  "$@" >"$pending_tmp" 2>"$work/stderr" || status=$?
  if ((status == 0)); then
    mv -f "$pending_tmp" "$dest"
    pending_tmp=""
    written+=("$dest")
    files_json+=("{\"file\": $(json_str "$rel"), \"command\": $(json_str "$(shell_join "$@")"), \"region\": $(json_str_or_null "$region")}")
    note "${region:-global}: $rel"
    return 0
  fi
  rm -f "$pending_tmp"
  pending_tmp=""
  record_failure "$region" "$status" "$(first_line "$work/stderr")" "$@"
  return 1
}

# run_query REGION CMD...: run CMD (a --query ... --output text call); its output
# goes to $query_out. Nothing is saved; a failure is recorded.
run_query() {
  local region=$1 status=0
  shift
  query_out=$("$@" 2>"$work/stderr") || status=$?
  if ((status == 0)); then return 0; fi
  query_out=""
  record_failure "$region" "$status" "$(first_line "$work/stderr")" "$@"
  return 1
}

# words TEXT: the whitespace-separated words of TEXT, one per line (no globbing).
words() {
  local line w
  local -a row
  while IFS= read -r line || [[ -n $line ]]; do
    IFS=$' \t' read -r -a row <<<"$line"
    for w in ${row[@]+"${row[@]}"}; do printf '%s\n' "$w"; done
  done <<<"$1"
}

# --- what is collected --------------------------------------------------------------

collect_outposts() { # REGION
  local r=$1 id have_any=0
  local -a ids=()
  if run_save "$r/outposts-list-sites.json" "$r" aws outposts list-sites --region "$r" --output json &&
    run_query "$r" aws outposts list-sites --region "$r" --query 'Sites[].SiteId' --output text; then
    if [[ -n $(words "$query_out" | grep -E '^os-[0-9a-f]+$' || true) ]]; then have_any=1; fi
  fi
  if run_save "$r/outposts-list-outposts.json" "$r" aws outposts list-outposts --region "$r" --output json &&
    run_query "$r" aws outposts list-outposts --region "$r" --query 'Outposts[].OutpostId' --output text; then
    while IFS= read -r id; do
      if [[ $id =~ ^op-[0-9a-f]{17}$ ]]; then ids+=("$id"); fi
    done < <(words "$query_out")
  fi
  for id in ${ids[@]+"${ids[@]}"}; do
    have_any=1
    run_save "$r/outposts-get-outpost-instance-types-$id.json" "$r" \
      aws outposts get-outpost-instance-types --outpost-id "$id" --region "$r" --output json || true
  done
  if ((have_any)); then
    run_save "$r/outposts-list-catalog-items.json" "$r" aws outposts list-catalog-items --region "$r" --output json || true
  fi
}

net_query() { # SOURCE DESTINATION
  printf '{"Id":"%s-to-%s","Source":"%s","Destination":"%s","Metric":"aggregate-latency","Statistic":"p50","Period":"one-week"}' \
    "$1" "$2" "$1" "$2"
}

join_queries() { # QUERY...: a JSON list
  local IFS=,
  printf '[%s]' "$*"
}

collect_network() { # REGION ZONES_LISTED
  local r=$1 zones_listed=$2 other zone_id parent_id rest
  local -a region_q=() zone_q=()
  local -r zone_id_re='^[a-z0-9-]+$'
  for other in "${regions[@]}"; do
    if [[ $other != "$r" ]]; then region_q+=("$(net_query "$r" "$other")"); fi
  done
  if ((zones_listed)) && run_query "$r" aws ec2 describe-availability-zones --all-availability-zones --region "$r" \
    --query "AvailabilityZones[?ZoneType=='local-zone' || ZoneType=='wavelength-zone'].[ZoneId,ParentZoneId]" \
    --output text; then
    while IFS=$' \t' read -r zone_id parent_id rest; do
      if [[ $zone_id =~ $zone_id_re && $parent_id =~ $zone_id_re && $parent_id != None ]]; then
        zone_q+=("$(net_query "$zone_id" "$parent_id")")
      fi
    done <<<"$query_out"
  fi
  local -a base=(aws ec2 get-aws-network-performance-data --region "$r" --start-time "$start_time" --end-time "$end_time")
  local rel=$r/ec2-get-aws-network-performance-data.json
  if ((${#zone_q[@]} > 0)); then
    if run_save "$rel" "$r" "${base[@]}" --data-queries "$(join_queries ${region_q[@]+"${region_q[@]}"} "${zone_q[@]}")" --output json; then
      return 0
    fi
    if ((${#region_q[@]} > 0)); then note "$r: asking again for the Region pairs alone"; fi
  fi
  if ((${#region_q[@]} > 0)); then
    run_save "$rel" "$r" "${base[@]}" --data-queries "$(join_queries "${region_q[@]}")" --output json || true
  fi
}

collect_region() { # REGION
  local r=$1 zones_listed=0
  mkdir -p "$outdir/$r"
  if run_save "$r/ec2-describe-availability-zones.json" "$r" \
    aws ec2 describe-availability-zones --all-availability-zones --region "$r" --output json; then
    zones_listed=1
  fi
  run_save "$r/ec2-describe-instance-type-offerings.json" "$r" \
    aws ec2 describe-instance-type-offerings --location-type availability-zone --region "$r" --output json || true
  if ((want_outposts)); then collect_outposts "$r"; fi
  if ((want_network)); then collect_network "$r" "$zones_listed"; fi
  rmdir "$outdir/$r" 2>/dev/null || true # nothing was written for this Region
}

# --- the collection ---------------------------------------------------------------------

# The account-wide calls go to the Region the CLI is configured for (AWS_REGION,
# AWS_DEFAULT_REGION, the profile's region), else to the first Region asked for,
# else to us-east-1.
home_region=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
if [[ -z $home_region ]]; then home_region=$(aws configure get region 2>/dev/null || true); fi
if [[ ! $home_region =~ $region_re ]]; then
  if ((have_regions)); then home_region=${regions[0]}; else home_region=us-east-1; fi
fi

account=""
if run_save sts-get-caller-identity.json "" aws sts get-caller-identity --region "$home_region" --output json; then
  if [[ $(<"$outdir/sts-get-caller-identity.json") =~ \"Account\":[[:space:]]*\"([0-9]{12})\" ]]; then
    account=${BASH_REMATCH[1]}
  fi
fi

if ! run_save ec2-describe-regions.json "" aws ec2 describe-regions --all-regions --region "$home_region" --output json; then
  for f in ${written[@]+"${written[@]}"}; do rm -f "$f"; done
  if ((created_outdir)); then rmdir "$outdir" 2>/dev/null || true; fi
  note "error: 'aws ec2 describe-regions' failed (exit status $last_status): $last_message"
  note "Nothing was collected. Check that the AWS CLI can reach AWS with your credentials:"
  note "  aws sts get-caller-identity${profile:+ --profile $profile}   (set them up with 'aws configure' or 'aws sso login')"
  exit 1
fi

if ((!have_regions)); then
  if run_query "" aws ec2 describe-regions --all-regions --region "$home_region" \
    --query "Regions[?OptInStatus=='opt-in-not-required' || OptInStatus=='opted-in'].RegionName" --output text; then
    while IFS= read -r r; do
      if [[ $r =~ $region_re ]]; then add_region "$r"; fi
    done < <(words "$query_out")
  fi
  if ((${#regions[@]} == 0)); then note "no enabled Region found; only the account-wide files are written"; fi
fi
note "Regions: ${regions[*]:-none}"

for r in ${regions[@]+"${regions[@]}"}; do
  collect_region "$r"
done

# --- the manifest --------------------------------------------------------------------------

json_list() { # INDENT ITEM...: a JSON list, one item a line
  local indent=$1 i
  shift
  if (($# == 0)); then
    printf '[]'
    return
  fi
  printf '[\n'
  for ((i = 1; i <= $#; i++)); do
    printf '%s    %s' "$indent" "${!i}"
    if ((i < $#)); then printf ','; fi
    printf '\n'
  done
  printf '%s]' "$indent"
}

region_items=()
for r in ${regions[@]+"${regions[@]}"}; do region_items+=("$(json_str "$r")"); done
regions_line=""
if ((${#region_items[@]} > 0)); then
  regions_line=$(IFS=,; printf '%s' "${region_items[*]}")
  regions_line=${regions_line//,/, }
fi

manifest=$outdir/manifest.json
pending_tmp=$manifest.tmp.$$
{
  printf '{\n'
  printf '    "kind": "AwsCollection",\n'
  printf '    "collector": %s,\n' "$(json_str "$COLLECTOR")"
  printf '    "captured_at": %s,\n' "$(json_str "$captured_at")"
  printf '    "account": %s,\n' "$(json_str_or_null "$account")"
  printf '    "aws_cli_version": %s,\n' "$(json_str "$cli_version")"
  printf '    "regions": [%s],\n' "$regions_line"
  printf '    "files": %s,\n' "$(json_list "    " ${files_json[@]+"${files_json[@]}"})"
  printf '    "failed": %s\n' "$(json_list "    " ${failed_json[@]+"${failed_json[@]}"})"
  printf '}\n'
} >"$pending_tmp"
mv -f "$pending_tmp" "$manifest"
pending_tmp=""

printf '%s: %d files, %d failed; manifest: %s\n' "$PROG" "${#files_json[@]}" "${#failed_json[@]}" "$manifest"
