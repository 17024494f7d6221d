#!/bin/sh
# Fills fuzz/corpus/<target>/ with seed inputs: the example counties (JSON, and
# XML exported by the CLI), a small generated concept, the hostile documents of
# tests/hostile/ and the period texts of the core tests. Run from fuzz/.
set -eu
cd "$(dirname "$0")"
root=..
mkdir -p corpus/json_import corpus/xml_import corpus/import_any corpus/period_parse
cargo build --quiet --manifest-path "$root/Cargo.toml" -p kreisentwicklung-cli
k="${CARGO_TARGET_DIR:-$root/target}/debug/kreisentwicklung"
for n in $("$k" examples | cut -f1); do
    "$k" export --example "$n" --format xml -o "corpus/xml_import/$n.xml" >/dev/null
    "$k" export --example "$n" --format xml --compact -o "corpus/xml_import/$n-compact.xml" >/dev/null
done
"$k" generate --measures 3 --seed 1 -o corpus/xml_import/gen3.xml >/dev/null
"$k" generate --measures 3 --seed 1 -o corpus/json_import/gen3.json >/dev/null
cp "$root"/examples/data/*.json "$root"/tests/hostile/*.json corpus/json_import/
cp "$root"/tests/hostile/*.xml corpus/xml_import/
cp corpus/json_import/* corpus/xml_import/* corpus/import_any/
grep -oE '"[^"]*(19|20)[0-9]{2}[^"]*"' "$root/crates/kreisentwicklung-core/tests/period.rs" \
    | tr -d '"' | sort -u \
    | awk '{f=sprintf("corpus/period_parse/t%03d", NR); printf "%s", $0 > f; close(f)}'
