#!/usr/bin/env bash
# wine-setup.sh: a Wine prefix that runs our Windows build, for scripts/wine-test.sh.
#
# Installs Wine (Debian's wine and wine64) when it is missing, makes a 64-bit
# Wine prefix in a cache folder, and puts in its system32 a small
# bcryptprimitives.dll (scripts/wine/processprng.c, built with mingw-w64)
# exporting the ProcessPrng that Go's Windows programs need and Wine 8 lacks.
# Everything is non-interactive: no Mono or Gecko install prompts, no window.
#
#   scripts/wine-setup.sh           prepare (quick when already prepared)
#   . scripts/wine-setup.sh --env   only set WINEPREFIX and the other variables
#
# The prefix is in $MSPRECORDS_WINE_CACHE (default ~/.cache/msprecords-wine,
# outside the repository). Exits with 3, saying why, when Wine cannot run on
# this machine at all; any other failure is an error.

wine_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export MSPRECORDS_WINE_CACHE=${MSPRECORDS_WINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/msprecords-wine}
export WINEPREFIX=$MSPRECORDS_WINE_CACHE/prefix
export WINEARCH=win64
export WINEDEBUG=-all
# No Mono (.NET) or Gecko (HTML): their installers would ask, and we need neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
export LANG=en_GB.UTF-8
[ "${1:-}" = "--env" ] && return 0 2>/dev/null

set -euo pipefail
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

note() { echo "wine-setup: $*"; }
cannot() { echo "wine-setup: SKIP: Wine cannot run here: $*" >&2; exit 3; }

if ! command -v wine >/dev/null || [ ! -x /usr/lib/wine/wine64 ]; then
	command -v apt-get >/dev/null || cannot "wine is not installed and there is no apt-get to install it"
	note "installing wine and wine64"
	$SUDO apt-get update
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y wine wine64
fi
command -v x86_64-w64-mingw32-gcc >/dev/null || {
	note "installing gcc-mingw-w64-x86-64"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y gcc-mingw-w64-x86-64
}

mkdir -p "$MSPRECORDS_WINE_CACHE"
dll=$MSPRECORDS_WINE_CACHE/bcryptprimitives.dll
src=$wine_root/scripts/wine/processprng.c
if [ ! -f "$dll" ] || [ "$src" -nt "$dll" ]; then
	note "building bcryptprimitives.dll (ProcessPrng)"
	x86_64-w64-mingw32-gcc -shared -O2 -o "$dll.tmp" "$src" -ladvapi32
	mv "$dll.tmp" "$dll"
fi

if [ ! -f "$WINEPREFIX/system.reg" ]; then
	note "making the Wine prefix in $WINEPREFIX (a minute or two, once)"
	rm -rf "$WINEPREFIX"
	# wineboot returns before the prefix is finished; wineserver -w waits for it.
	timeout 600 wine wineboot --init >"$MSPRECORDS_WINE_CACHE/wineboot.log" 2>&1 ||
		{ cat "$MSPRECORDS_WINE_CACHE/wineboot.log" >&2; cannot "wineboot failed (log above)"; }
	timeout 600 wineserver -w || true
	[ -f "$WINEPREFIX/system.reg" ] || cannot "wineboot made no prefix"
fi
sys32=$WINEPREFIX/drive_c/windows/system32
cmp -s "$dll" "$sys32/bcryptprimitives.dll" || cp "$dll" "$sys32/bcryptprimitives.dll"
note "ready: $(wine --version 2>/dev/null), prefix $WINEPREFIX"
