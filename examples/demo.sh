#!/usr/bin/env bash
# The main job on the bundled example: build a store from the three articles in examples/,
# list what was recorded, list contested claims, trace a claim and a speaker, add an alias, audit an
# article's sourcing, search, propose attributions from raw text and put them up for review, take a
# claim on, and export the CSV provenance report and the HTML report.
# Usage: examples/demo.sh [STORE] (default: a fresh store in a temporary folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
swift build --product claimtrail >&2
claimtrail=$(swift build --show-bin-path)/claimtrail
export CLAIMTRAIL_DB=${1:-$(mktemp -d)/claimtrail.db}

step() { printf '\n$ claimtrail %s\n' "$*"; "$claimtrail" "$@"; }

step init
step import "$here/syria.json"
step import "$here/syria.json"   # the second import finds everything already stored
step source list
step speaker list --kind person
step claim list --topic us-strike
step contested
step trace claim "The United States is planning a missile strike against the Assad government in Syria."
step trace speaker "a senior defense official"
step speaker edit "Oana Lungescu" --add-alias Lungescu --reason "as the articles call her"
step trace speaker Lungescu
# A typo in a speaker's name is an error that names the speaker meant, and records nothing.
step attribute 1 --speaker "Oana Lungesku" --source 1 || true
step audit "Russian Military’s Activities in Syria Indicate Collaboration to Counter US Presence"
step search missile strike --limit 5
step extract "$here/articles/001.txt"
# The desk's workflow: proposals wait for review before they count; a claim is taken on and noted.
step extract "$here/articles/001.txt" --source 2 --propose
step review list --source 2
step claim status 1 in_progress --note "asking the Pentagon"
step claim assign 1 --to desk
step queue --limit 5
mkdir -p "$here/out"
step export --out "$here/out/provenance.csv"
step export --format html --out "$here/out/report.html"
printf '\nThe HTML report is examples/out/report.html. First rows of %s:\n' "examples/out/provenance.csv"
head -n 4 "$here/out/provenance.csv"
