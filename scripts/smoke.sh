#!/usr/bin/env bash
# smoke.sh: the real window, in a virtual X server, on a demo vault.
#
# Builds the binary, makes a demo vault with the command line, starts the
# window on it under Xvfb and checks screenshots of it hold the app's content,
# not a blank or black window: the unlock screen, then (typing the passphrase
# with xdotool) the case list, a case, and the unlock screen again after
# Ctrl+L. Without xdotool only the unlock screen is checked.
#
#   scripts/smoke.sh                      run the smoke test
#   SCREENSHOTS=docs/screenshots scripts/smoke.sh
#                                         also keep the window's pictures
#
# Needs xvfb-run (xvfb), import and identify (imagemagick); xdotool for the
# unlocked screens. Nothing personal is involved: the demo data is fictional.
set -euo pipefail

export LANG=en_GB.UTF-8 LC_ALL=en_GB.UTF-8
passphrase='smoke test passphrase, not a real one'
pid="" # the app, while it runs

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
note() { echo "smoke: $*"; }
# shellcheck source=scripts/screenshots.sh
. "$(dirname "$0")/screenshots.sh"

# wait_title waits until the window's title matches a pattern.
wait_title() {
	local wid=$1 pattern=$2 title=""
	for _ in $(seq 300); do
		title=$(xdotool getwindowname "$wid" 2>/dev/null || true)
		[[ $title =~ $pattern ]] && { note "title: $title"; return 0; }
		sleep 0.1
	done
	fail "title is \"$title\", waited for $pattern"
}

shot() {
	local target=$1 file=$2
	import -window "$target" "$file"
}

# inside runs in the virtual X server: start the window and look at it.
inside() {
	local work=$1 bin=$1/msprecords vault=$1/vault out=$1/shots wid=""
	mkdir -p "$out"
	"$bin" --vault "$vault" >"$work/app.log" 2>&1 &
	pid=$!
	trap 'kill "$pid" 2>/dev/null || true' EXIT

	if command -v xdotool >/dev/null; then
		for _ in $(seq 600); do
			wid=$(xdotool search --name '^MSP Records' 2>/dev/null | head -n 1 || true)
			[ -n "$wid" ] && break
			kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the app exited"; }
			sleep 0.1
		done
		[ -n "$wid" ] || fail "no window titled MSP Records"
	fi
	sleep 3 # the first frame
	kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the app exited"; }
	shot root "$out/screen-unlock.png"
	has_content "$out/screen-unlock.png" "unlock screen"
	if [ -z "$wid" ]; then
		note "xdotool is not installed: the unlocked screens were not checked"
		return 0
	fi
	shot "$wid" "$out/unlock.png"

	xdotool type --window "$wid" --delay 15 "$passphrase"
	xdotool key --window "$wid" Return
	sleep 4 # scrypt, opening the store, drawing the list
	shot "$wid" "$out/case-list.png"
	has_content "$out/case-list.png" "case list"
	differs "$out/unlock.png" "$out/case-list.png" "unlocking"

	# The first row of the list, below the search box, the filters and the header.
	xdotool mousemove --window "$wid" 400 175 click 1
	wait_title "$wid" '^MSP Records — [A-Z]+-[0-9]{4}-[0-9]+$'
	sleep 2
	shot "$wid" "$out/case-view.png"
	has_content "$out/case-view.png" "case view"
	differs "$out/case-list.png" "$out/case-view.png" "opening a case"

	# The window at the sizes of a small laptop and a large screen: every
	# part of the case holds its content, and the window never resizes itself.
	for size in 1024x600 1920x1080; do
		xdotool windowsize --sync "$wid" "${size%x*}" "${size#*x}" 2>/dev/null || xdotool windowsize "$wid" "${size%x*}" "${size#*x}"
		sleep 1
		for part in 1 2 3 4 5 6 7 8; do
			# The list of parts down the left: row $part of it.
			xdotool mousemove --window "$wid" 100 $((55 + part * 39)) click 1
			sleep 0.7
			shot "$wid" "$out/case-$size-$part.png"
			has_content "$out/case-$size-$part.png" "case view at $size, part $part"
			got=$(xdotool getwindowgeometry "$wid" | awk '/Geometry/ { print $2 }')
			[ "$got" = "$size" ] || { cp "$out"/*.png "${SCREENSHOTS:-/tmp}/" 2>/dev/null; fail "the window is $got after showing part $part at $size: it resized itself"; }
		done
		note "case view at $size: 8 parts, window size unchanged"
	done

	xdotool key --window "$wid" ctrl+l
	wait_title "$wid" '^MSP Records$'
	sleep 1
	shot "$wid" "$out/locked.png"
	has_content "$out/locked.png" "unlock screen after Ctrl+L"
	kill -0 "$pid" 2>/dev/null || fail "the app exited"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}

main() {
	command -v xvfb-run >/dev/null || fail "xvfb-run is not installed (apt-get install xvfb)"
	command -v import >/dev/null || fail "ImageMagick is not installed (apt-get install imagemagick)"
	local root
	root=$(cd "$(dirname "$0")/.." && pwd)
	work=$(mktemp -d)
	trap 'rm -rf "${work:-}"' EXIT

	note "building"
	(cd "$root" && go build -o "$work/msprecords" .)
	umask 077
	printf '%s\n' "$passphrase" >"$work/pass"
	note "making a demo vault"
	MSPRECORDS_TEST_WORK_FACTOR=10 "$work/msprecords" init --vault "$work/vault" --user "Alice Practitioner" \
		--passphrase-file "$work/pass" >/dev/null
	"$work/msprecords" demo --cases 200 --vault "$work/vault" --passphrase-file "$work/pass" >/dev/null

	xvfb-run -a -s "-screen 0 1920x1080x24" "$0" --inside "$work"
	if [ -n "${SCREENSHOTS:-}" ]; then
		mkdir -p "$SCREENSHOTS"
		for f in unlock case-list case-view; do
			[ -f "$work/shots/$f.png" ] && cp "$work/shots/$f.png" "$SCREENSHOTS/$f.png"
		done
		note "screenshots in $SCREENSHOTS"
	fi
	note "ok"
}

if [ "${1:-}" = "--inside" ]; then
	inside "$2"
else
	main
fi
