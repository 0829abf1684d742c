#!/usr/bin/env bash
# Record the JSON of analyze, compare, who, matrix and diff over the shared texts into a folder,
# so a refactoring step can show its outputs are byte-identical: tools/snapshot.sh OUT; diff -r A B.
set -euo pipefail
out=${1:?usage: tools/snapshot.sh OUTPUT_FOLDER}
shared=$(cd "${SHARED:-$(dirname "$0")/../../shared}" && pwd)
read -ra clauses <<< "${CLAUSES:-clauses}"  # may be several words: "python -m clauses"
mkdir -p "$out"
for set in corpus seeds statements; do
  "${clauses[@]}" analyze "$shared/$set" --format json -o "$out/analyze-$set.json" || true
  "${clauses[@]}" matrix "$shared/$set" --format json -o "$out/matrix-$set.json" 2>/dev/null \
    || "${clauses[@]}" matrix "$shared/$set" --format json > "$out/matrix-$set.json" || true
  for cat in air-defense military-assistance sanctions political-support; do
    "${clauses[@]}" who "$cat" "$shared/$set" --format json > "$out/who-$cat-$set.json" || true
  done
done
"${clauses[@]}" compare "$shared"/corpus/ua-ro-2024.txt "$shared"/corpus/ua-fi-2024.txt "$shared"/corpus/ua-de-2024.txt --format json > "$out/compare-ro-fi-de.json" || true
"${clauses[@]}" compare "$shared"/corpus/ua-it-2024.ukrainian.txt "$shared"/corpus/ua-fr-2024.txt --format json > "$out/compare-it-fr.json" || true
"${clauses[@]}" diff "$shared"/corpus/ua-dk-2024.txt "$shared"/corpus/ua-dk-2024.ua-version.txt --format json > "$out/diff-dk.json" || true
"${clauses[@]}" diff "$shared"/corpus/ua-nl-2024.txt "$shared"/corpus/ua-nl-2024.ua-version.txt --format json > "$out/diff-nl.json" || true
"${clauses[@]}" diff "$shared"/corpus/ua-us-2024.txt "$shared"/corpus/ua-us-2024.whitehouse.txt --format json > "$out/diff-us.json" || true
"${clauses[@]}" diff "$shared"/statements/wh-2024-09-25-recovery-declaration.v1.txt "$shared"/statements/wh-2024-09-25-recovery-declaration.txt --format json > "$out/diff-recovery.json" || true
"${clauses[@]}" diff "$shared"/statements/wh-2023-05-19-g7-statement.v1.txt "$shared"/statements/wh-2023-05-19-g7-statement.txt --format json > "$out/diff-g7.json" || true
