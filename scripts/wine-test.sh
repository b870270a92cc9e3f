#!/usr/bin/env bash
# wine-test.sh: the Windows build, run, under Wine on Linux.
#
#   1. every package's tests, built for Windows (go test -c) and run under Wine;
#   2. a command-line session of the real msprecords.exe: init, demo, list,
#      verify, backup, restore, export (the PDF read back with poppler),
#      a second process refused while the vault is open, and a reopen after
#      the process is killed in the middle of writing;
#   3. its window under Xvfb, with screenshots checked for content: the
#      unlock screen, then the case list once the passphrase is typed.
#
# The tests' output and the screenshots are kept in
# $MSPRECORDS_WINE_CACHE/logs (see wine-setup.sh) until the next run.
#
#   scripts/wine-test.sh [msprecords.exe]   (default: ./msprecords.exe, from make windows)
#   WINE_TEST_PACKAGES="msprecords/store msprecords/cli" scripts/wine-test.sh
#                                           only those packages' tests
#   WINE_TEST_PARTS="tests cli window"      the parts to run (default all three)
#
# scripts/wine-setup.sh installs Wine and makes the prefix first. When Wine
# cannot run here at all, this says so and exits 0 (skipped); anything else
# that goes wrong is a failure.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/wine-setup.sh
. "$root/scripts/wine-setup.sh" --env
export LC_ALL=en_GB.UTF-8
# The tests skip, with a reason, what cannot work under Wine: starting Linux
# programs (pdftotext, go list) from a Windows program.
export MSPRECORDS_UNDER_WINE=1
passphrase='wine test passphrase, not a real one'

fail() { echo "wine-test: FAIL: $*" >&2; exit 1; }
note() { echo "wine-test: $*"; }
skip() { echo "wine-test: SKIPPED: $*" >&2; exit 0; }
elapsed() { echo "$(($(date +%s) - start))s"; }
# shellcheck source=scripts/screenshots.sh
. "$root/scripts/screenshots.sh"

# overlay makes Go's file deletion fall back to the older call when Wine says
# STATUS_NOT_IMPLEMENTED to FileDispositionInformationEx, which Wine 8 lacks:
# without it every os.RemoveAll (each t.TempDir's cleanup) fails. It is made
# from this Go's own source, for the test builds only; msprecords.exe is built
# without it.
overlay() {
	local src dir=$MSPRECORDS_WINE_CACHE/overlay
	src=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
	mkdir -p "$dir"
	awk '{ print } /^\t\tSTATUS_NOT_SUPPORTED: .*the file system/ { found = 1 }
		END { exit !found }' "$src" >/dev/null || fail "Go's $src is not as expected: update overlay() in $0"
	sed 's|^\t\tSTATUS_NOT_SUPPORTED: *\(//.*the file system.*\)$|\t\tSTATUS_NOT_SUPPORTED, \1\n\t\tNTStatus(0xC0000002): // STATUS_NOT_IMPLEMENTED, from Wine 8 (scripts/wine-test.sh)|' \
		"$src" >"$dir/at_windows.go"
	grep -q 'NTStatus(0xC0000002)' "$dir/at_windows.go" || fail "the overlay of $src was not made"
	printf '{"Replace": {"%s": "%s"}}\n' "$src" "$dir/at_windows.go" >"$dir/overlay.json"
	echo "$dir/overlay.json"
}

# runtest runs one package's test program under Wine in the package's folder.
runtest() { (cd "$1" && timeout 20m wine "$2" -test.v -test.timeout 15m >"$3" 2>&1); }

# verdict says whether a test log ends with the test program's own verdict.
verdict() { grep -q -e '^--- FAIL' -e '^FAIL' -e '^PASS$' -e '^panic: ' "$1"; }

# tests builds every package's tests for Windows and runs them under Wine,
# each in its own folder as go test does.
tests() {
	local ov bin=$work/tests pkgs pkg dir exe log rc failed=""
	ov=$(overlay) && [ -n "$ov" ] || fail "no overlay"
	pkgs=${WINE_TEST_PACKAGES:-$(cd "$root" && go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...)}
	mkdir -p "$bin" "$logs"
	# What earlier runs left in Windows' temporary folder (see damagedCopy in store's tests).
	rm -rf "$WINEPREFIX"/drive_c/users/*/Temp/*
	note "building the tests for Windows: $(echo $pkgs)"
	# The window's package needs cgo (Fyne links OpenGL and GLFW).
	(cd "$root" && CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 \
		go test -c -overlay "$ov" -o "$bin/" $pkgs)
	for pkg in $pkgs; do
		dir=$(cd "$root" && go list -f '{{.Dir}}' "$pkg")
		exe=$bin/$(basename "$dir").test.exe
		log=$logs/$(basename "$dir").log
		[ -f "$exe" ] || { note "--   $pkg (no tests)"; continue; }
		rc=0
		runtest "$dir" "$exe" "$log" || rc=$?
		if [ "$rc" != 0 ] && ! verdict "$log"; then
			# Wine itself ended the program before any test said pass or fail
			# (no FAIL line, no PASS at the end): say so, and run it once more.
			note "$pkg: Wine ended the tests with exit $rc and no verdict; the last lines:"
			tail -n 20 "$log" >&2 || true
			df -h "$dir" "$WINEPREFIX" >&2 || true
			note "$pkg: running its tests once more"
			rc=0
			runtest "$dir" "$exe" "$log" || rc=$?
			if [ "$rc" != 0 ] && ! grep -q '^=== RUN' "$log"; then
				# Twice no test even started: Wine could not start the program,
				# as when it cannot run here at all (see main): said, not failed.
				tail -n 20 "$log" >&2 || true
				note "SKIPPED $pkg: Wine could not start its tests (exit $rc, twice); they were not run"
				continue
			fi
		fi
		if [ "$rc" = 0 ]; then
			note "ok   $pkg ($(grep -c '^--- PASS' "$log") passed, $(grep -c '^ *--- SKIP' "$log") skipped, $(elapsed))"
		else
			{ grep -v '^=== \|^--- PASS\|^ *--- PASS' "$log" || true; } | tail -n 60 >&2
			tail -n 5 "$log" >&2 || true
			note "FAIL $pkg (exit $rc; the whole output is in $log)"
			failed="$failed $pkg"
		fi
		# Why tests skipped: the reason logged just before a --- SKIP line, or
		# (parallel subtests) anywhere, for the skips under Wine.
		{
			grep -B1 '^ *--- SKIP' "$log" | grep -v -e '^--$' -e '^=== ' -e '--- '
			grep '_test\.go:[0-9]*: under Wine' "$log"
		} | sed 's/^ *[A-Za-z0-9_]*\.go:[0-9]*: //' | sort -u | sed 's/^/wine-test:     skipped: /' || true
	done
	[ -z "$failed" ] || fail "tests failed under Wine:$failed"
}

# win runs msprecords.exe under Wine; its exit status is the program's.
win() { timeout 300 wine "$exe" "$@"; }

# cli is a command-line session of the real msprecords.exe, in $work/cli.
cli() {
	local cli=$work/cli out n refs ref pid i
	mkdir -p "$cli"
	cd "$cli"
	umask 077
	printf '%s\n' "$passphrase" >pass
	printf '%s\n' 'wine test backup passphrase' >backup-pass
	printf '%s\n' 'wine test pdf password' >pdf-pass

	note "cli: init"
	MSPRECORDS_TEST_WORK_FACTOR=10 win init --vault vault --user "Alice Practitioner" --passphrase-file pass >init.out 2>&1 ||
		{ cat init.out >&2; fail "init"; }
	grep -qi 'recovery key' init.out || { cat init.out >&2; fail "init printed no recovery key"; }
	[ -f vault/vault.json ] && [ -d vault/db ] || fail "init made no vault"

	# Typed in a console (here Wine's, on a pseudo-terminal), the windowed .exe must print
	# in it: main_windows.go attaches to the console of the program that started it.
	note "cli: help, in a console"
	timeout 120 script -qec "wine start /wait /unix $(printf %q "$exe") help" /dev/null >console.out 2>&1 || true
	grep -q 'Usage:' console.out || { cat -v console.out >&2; fail "msprecords.exe help printed nothing in a console"; }

	note "cli: demo, list, verify"
	win demo --vault vault --passphrase-file pass >demo.out 2>&1 || { cat demo.out >&2; fail "demo"; }
	win list --vault vault --passphrase-file pass >list.out 2>list.err || { cat list.err >&2; fail "list"; }
	n=$(grep -c '^DEMO-' list.out || true)
	[ "$n" = 12 ] || { cat list.out >&2; fail "list shows $n demo cases, want 12"; }
	win verify --vault vault --passphrase-file pass >verify.out 2>&1 || { cat verify.out >&2; fail "verify"; }
	grep -q 'Everything checked is in order' verify.out || { cat verify.out >&2; fail "verify found a problem"; }

	note "cli: backup, restore"
	win backup --vault vault --passphrase-file pass --out vault.backup --backup-passphrase-file backup-pass >backup.out 2>&1 ||
		{ cat backup.out >&2; fail "backup"; }
	[ -s vault.backup ] || fail "backup wrote nothing"
	win restore --backup vault.backup --vault restored --passphrase-file pass --backup-passphrase-file backup-pass >restore.out 2>&1 ||
		{ cat restore.out >&2; fail "restore"; }
	win list --vault restored --passphrase-file pass >restored.out 2>&1 || { cat restored.out >&2; fail "list of the restored vault"; }
	cmp -s list.out restored.out || { diff list.out restored.out >&2 || true; fail "the restored vault lists other cases"; }
	win verify --vault restored --passphrase-file pass >verify2.out 2>&1 || { cat verify2.out >&2; fail "verify of the restored vault"; }

	note "cli: export"
	ref=$(head -n 1 list.out | cut -f 1)
	win export --vault vault --passphrase-file pass --case "$ref" --purpose meeting --out pack.pdf --pdf-password-file pdf-pass >export.out 2>&1 ||
		{ cat export.out >&2; fail "export"; }
	pdfinfo -upw 'wine test pdf password' pack.pdf >pdfinfo.out 2>&1 || { cat pdfinfo.out >&2; fail "pdfinfo cannot read the pack"; }
	grep -q 'AES-256' pdfinfo.out || { cat pdfinfo.out >&2; fail "the pack is not encrypted with AES-256"; }
	pdftotext pack.pdf - >/dev/null 2>&1 && fail "the pack opens without its password"
	pdftotext -upw 'wine test pdf password' pack.pdf pack.txt
	grep -q 'OFFICIAL-SENSITIVE' pack.txt && grep -qF "$ref" pack.txt || fail "the pack lacks its marking or reference"
	win export --vault vault --passphrase-file pass --case "$ref" --purpose person --out pack.html --no-password >export2.out 2>&1 ||
		{ cat export2.out >&2; fail "export as HTML"; }
	grep -q '<html lang="en-GB">' pack.html || fail "the HTML pack"

	note "cli: killed while writing, then reopened"
	# Started directly (wine execs the program): $! is the Windows program itself.
	wine "$exe" demo --cases 100000 --vault vault --passphrase-file pass >big.out 2>&1 &
	pid=$!
	# While it writes, the vault is in use: a second process is refused.
	sleep 5
	kill -0 "$pid" 2>/dev/null || { cat big.out >&2; fail "the long demo ended early"; }
	if win list --vault vault --passphrase-file pass >busy.out 2>&1; then
		fail "list opened the vault while another process had it open"
	fi
	note "cli: while open elsewhere: $(head -n 1 busy.out)"
	sleep 3
	kill -0 "$pid" 2>/dev/null || { cat big.out >&2; fail "the long demo ended before it could be killed"; }
	# The Windows program is this Linux process: SIGKILL is as sudden as a power cut.
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null || true
	wineserver -w # Wine lets go of the dead process's files, as Windows would
	win verify --vault vault --passphrase-file pass >verify3.out 2>&1 || { cat verify3.out >&2; fail "verify after the kill"; }
	grep -q 'Everything checked is in order' verify3.out || { cat verify3.out >&2; fail "verify after the kill found a problem"; }
	win list --vault vault --passphrase-file pass >list3.out 2>&1 || { cat list3.out >&2; fail "list after the kill"; }
	n=$(grep -c '^DEMO-' list3.out || true)
	# demo commits 500 cases at a time, all or nothing: whole batches only.
	[ $(((n - 12) % 500)) = 0 ] && [ "$n" -lt 100012 ] || fail "after the kill: $n cases, want 12 and whole batches of 500"
	note "cli: after the kill: $n cases, verify in order ($(elapsed))"
	cd "$root"
}

# window starts msprecords.exe's window under Xvfb and checks it is drawn.
window() {
	local dir=$work/cli
	[ -d "$dir/vault" ] || fail "the window needs the cli part's vault"
	command -v xvfb-run >/dev/null || fail "xvfb-run is not installed (apt-get install xvfb)"
	command -v import >/dev/null || fail "ImageMagick is not installed (apt-get install imagemagick)"
	# A small vault: the big one from the kill test is slow to list under Wine.
	cd "$dir"
	win restore --backup vault.backup --vault small --passphrase-file pass --backup-passphrase-file backup-pass >/dev/null 2>&1 || fail "restore for the window"
	cd "$root"
	# Wine's desktop process, started for the programs above, has no display: a window
	# drawn through it fails (GLFW is not initialized). Stop Wine, so that it starts
	# again inside the virtual X server.
	wineserver -k 2>/dev/null || true
	wineserver -w
	xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inside "$work" "$exe"
	wineserver -k 2>/dev/null || true
	wineserver -w
}

inside() {
	local dir=$work/cli out=$logs/shots wid=""
	mkdir -p "$out"
	cd "$dir"
	wine "$exe" --vault small >window.log 2>&1 &
	pid=$!
	trap 'kill "$pid" 2>/dev/null || true' EXIT
	for _ in $(seq 1200); do
		wid=$(xdotool search --name '^MSP Records' 2>/dev/null | head -n 1 || true)
		[ -n "$wid" ] && break
		kill -0 "$pid" 2>/dev/null || { cat window.log >&2; fail "the window's program exited"; }
		sleep 0.1
	done
	[ -n "$wid" ] || { cat window.log >&2; fail "no window titled MSP Records"; }
	sleep 5 # the first frame, drawn by Mesa in software
	kill -0 "$pid" 2>/dev/null || { cat window.log >&2; fail "the window's program exited"; }
	import -window root "$out/screen-unlock.png"
	has_content "$out/screen-unlock.png" "window: unlock screen"
	import -window "$wid" "$out/unlock.png"
	# Wine takes keys from the X server's input (XTEST), not sent events: focus the window and type.
	xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
	xdotool type --delay 20 "$passphrase"
	xdotool key Return
	sleep 8
	import -window "$wid" "$out/case-list.png"
	has_content "$out/case-list.png" "window: case list"
	differs "$out/unlock.png" "$out/case-list.png" "window: unlocking"
	note "window: screenshots in $out ($(elapsed))"
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

main() {
	start=$(date +%s)
	exe=$(realpath "${1:-$root/msprecords.exe}")
	local parts=${WINE_TEST_PARTS:-tests cli window} rc=0
	"$root/scripts/wine-setup.sh" || rc=$?
	[ "$rc" = 3 ] && skip "Wine cannot run on this machine (above); the Windows build was not run"
	[ "$rc" = 0 ] || fail "wine-setup.sh failed"
	# Wine's own command interpreter: if even that cannot run, Wine does not work here.
	if ! out=$(timeout 120 wine cmd /c echo wine-runs 2>&1) || [[ $out != *wine-runs* ]]; then
		echo "$out" >&2
		skip "Wine is installed but cannot start a Windows program here; the Windows build was not run"
	fi
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	# The tests' full output, kept until the next run.
	logs=$MSPRECORDS_WINE_CACHE/logs
	rm -rf "$logs"
	case " $parts " in *" cli "* | *" window "*) [ -f "$exe" ] || fail "no $exe: make windows first" ;; esac
	case " $parts " in *" tests "*) tests ;; esac
	case " $parts " in *" cli "* | *" window "*) cli ;; esac
	case " $parts " in *" window "*) window ;; esac
	wineserver -k 2>/dev/null || true
	note "ok ($(elapsed))"
}

if [ "${1:-}" = "--inside" ]; then
	work=$2 exe=$3 logs=$MSPRECORDS_WINE_CACHE/logs pid="" start=$(date +%s)
	inside
else
	main "$@"
fi
