#!/usr/bin/env bash
# scripts/bench.sh: what `make bench` runs. In one run, on one machine:
#   1. the anchor workloads in ../shared/bench (SQLCipher with synchronous=FULL,
#      plain Badger with and without encryption), called where they are;
#   2. every Go benchmark of the module (the existing figures);
#   3. the whole `msprecords list` process on vaults of 10,000 and 50,000 demo
#      cases (wall time and maximum resident memory, from /usr/bin/time;
#      scrypt at the test work factor, so that it costs nothing), and at
#      10,000 cases the whole backup, restore and import (of the vault's
#      JSON export, about 106 MB) processes;
# then a table of ratios, one line each: name ours anchor ratio goal verdict.
# These machines are noisy: compare only figures taken side by side, as here.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
BENCHTIME=${BENCHTIME:-2s}
SHARED=${SHARED:-../shared}
anchors="$SHARED/bench"
if [ ! -x "$(command -v sqlcipher)" ] || [ ! -f "$anchors/sqlcipher-workload.sh" ]; then
	echo "bench: needs sqlcipher (make deps) and the anchor workloads in $anchors" >&2
	exit 1
fi
out=$(mktemp -d /tmp/msprecords-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT

echo "== anchor workloads ($anchors)"
bash "$anchors/sqlcipher-workload.sh" | tee "$out/anchors.txt"
(cd "$anchors/badgerwl" && $GO run . -encrypt=true && $GO run . -encrypt=false) | tee -a "$out/anchors.txt"

echo "== Go benchmarks"
$GO test -run '^$' -bench . -benchmem -benchtime "$BENCHTIME" -timeout 20m ./... | tee "$out/go.txt"

# once COMMAND...: runs the command once and records "NAME_s" and "NAME_rss_mb" (maximum resident memory).
once() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out/time" "$@" >/dev/null
	read -r s kb <"$out/time"
	echo "${name}_s $s s" | tee -a "$out/list.txt"
	echo "${name}_rss_mb $((kb / 1024)) MB" | tee -a "$out/list.txt"
}
# whole_vault VAULT: backup and restore of the vault, and the import of its JSON export (for
# 10,000 demo cases, a file of about 106 MB) into a new vault, each as a whole process.
whole_vault() {
	local v=$1 p=(--passphrase-file "$out/pass")
	once backup_10000 "$out/msprecords" backup --vault "$v" "${p[@]}" --out "$out/b.backup" --backup-passphrase-file "$out/pass"
	once restore_10000 "$out/msprecords" restore --vault "$out/restored" "${p[@]}" --backup "$out/b.backup" --backup-passphrase-file "$out/pass"
	"$out/msprecords" export-json --vault "$v" "${p[@]}" --out "$out/cases.json" >/dev/null 2>&1
	echo "import_file_mb $(($(wc -c <"$out/cases.json") >> 20)) MB" | tee -a "$out/list.txt"
	"$out/msprecords" init --vault "$out/imported" "${p[@]}" --user Bench >/dev/null
	once import "$out/msprecords" import "$out/cases.json" --vault "$out/imported" "${p[@]}"
	rm -rf "$out/b.backup" "$out/restored" "$out/cases.json" "$out/imported"
}

echo "== whole list process (msprecords list); backup, restore and import of 10,000 cases"
$GO build -o "$out/msprecords" .
export MSPRECORDS_TEST_WORK_FACTOR=10
printf 'bench passphrase for make bench\n' >"$out/pass"
for n in 10000 50000; do
	v="$out/vault$n"
	"$out/msprecords" init --vault "$v" --passphrase-file "$out/pass" --user Bench >/dev/null
	"$out/msprecords" demo --cases "$n" --vault "$v" --passphrase-file "$out/pass" >/dev/null
	best="" cpu="" rss=0
	for _ in 1 2 3; do
		/usr/bin/time -f '%e %M %U %S' -o "$out/time" "$out/msprecords" list --vault "$v" --passphrase-file "$out/pass" >/dev/null
		read -r s kb u sy <"$out/time"
		best=$(awk -v a="$best" -v b="$s" 'BEGIN{print (a == "" || b < a) ? b : a}')
		cpu=$(awk -v a="$cpu" -v b="$(awk -v u="$u" -v s="$sy" 'BEGIN{print u + s}')" 'BEGIN{print (a == "" || b < a) ? b : a}')
		rss=$((kb > rss ? kb : rss))
	done
	echo "list_${n}_s $best s (best of 3)" | tee -a "$out/list.txt"
	echo "list_${n}_cpu_s $cpu s (user and system, best of 3)" | tee -a "$out/list.txt"
	echo "list_${n}_rss_mb $((rss / 1024)) MB (most of 3)" | tee -a "$out/list.txt"
	if [ "$n" = 10000 ]; then whole_vault "$v"; fi
	rm -rf "$v"
done

# figure FILE NAME: the value of a "name value unit" line.
figure() { awk -v n="$2" '$1 == n { print $2; exit }' "$1"; }
# gobench NAME [UNIT]: a Go benchmark's figure in UNIT (default ns/op), from the first package that has it.
gobench() {
	awk -v n="$1" -v u="${2:-ns/op}" '$1 ~ "^"n"(-[0-9]+)?$" { for (i = 3; i < NF; i++) if ($(i+1) == u) { print $i; exit } }' "$out/go.txt"
}
ms() { awk -v v="$1" 'BEGIN{ if (v == "") print ""; else printf "%.3f", v / 1e6 }'; }
# row NAME OURS ANCHOR GOAL: prints the ratio ours/anchor and whether it is at most GOAL ("-" for none).
row() {
	awk -v n="$1" -v a="$2" -v b="$3" -v g="$4" 'BEGIN{
		if (a == "" || b == "" || b + 0 == 0) { printf "%-34s %10s %10s %8s %6s %s\n", n, a, b, "-", g, "missing"; exit }
		r = a / b; v = (g == "-") ? "" : (r <= g + 0 ? "met" : "not met")
		printf "%-34s %10.3f %10.3f %8.2f %6s %s\n", n, a, b, r, g, v }'
}
A="$out/anchors.txt" L="$out/list.txt"
save=$(ms "$(gobench BenchmarkSaveCase)")
echo
echo "== ratios (times in ms; ratio = ours / anchor; goal: ratio at most)"
printf "%-34s %10s %10s %8s %6s %s\n" name ours anchor ratio goal verdict
row save_fsynced_vs_sqlcipher_full "$save" "$(figure "$A" sqlcipher_save_per_doc_ms)" 1
row save_fsynced_vs_badger_enc "$save" "$(figure "$A" badger_enc_save_per_doc_ms)" -
row save_plain_vs_badger_plain "$(ms "$(gobench BenchmarkSaveCasePlain)")" "$(figure "$A" badger_plain_save_per_doc_ms)" -
row unlock_10000_enc_vs_plain "$(ms "$(gobench BenchmarkUnlock)")" "$(ms "$(gobench BenchmarkUnlockPlain)")" 1.3
row unlock_10000_vs_badger_read_all "$(ms "$(gobench BenchmarkUnlock)")" "$(figure "$A" badger_enc_open_and_read_all_ms)" -
row unlock_10000_vs_sqlcipher_read_all "$(ms "$(gobench BenchmarkUnlock)")" "$(figure "$A" sqlcipher_open_and_read_all_ms)" -
row search_notes_10000_vs_sqlcipher "$(ms "$(gobench BenchmarkSearch)")" "$(figure "$A" sqlcipher_open_and_search_ms)" -
row unlock_50000_vs_10000 "$(ms "$(gobench BenchmarkUnlock50000)")" "$(ms "$(gobench BenchmarkUnlock)")" -
row unlock_50000_vs_1s_goal "$(ms "$(gobench BenchmarkUnlock50000)")" 1000 1
row list_process_50000_vs_1s_goal "$(awk -v s="$(figure "$L" list_50000_s)" 'BEGIN{print s * 1000}')" 1000 1
row list_process_50000_cpu_vs_1s "$(awk -v s="$(figure "$L" list_50000_cpu_s)" 'BEGIN{print s * 1000}')" 1000 -
row list_rss_50000_mb_vs_250mb_goal "$(figure "$L" list_50000_rss_mb)" 250 1
row list_rss_50000_vs_10000 "$(figure "$L" list_50000_rss_mb)" "$(figure "$L" list_10000_rss_mb)" -
row import_rss_mb_vs_150mb_goal "$(figure "$L" import_rss_mb)" 150 1
row backup_rss_10000_mb_vs_200mb_goal "$(figure "$L" backup_10000_rss_mb)" 200 1
row restore_rss_10000_mb_vs_200mb_goal "$(figure "$L" restore_10000_rss_mb)" 200 1
row unlock_50000_retained_mb_vs_10000 "$(gobench BenchmarkUnlock50000 retained-MB)" "$(gobench BenchmarkUnlock retained-MB)" -
echo "(save: BenchmarkSaveCase saves a case of $(gobench BenchmarkSaveCase doc-bytes) bytes; the SQLCipher document is about 6 KB)"
