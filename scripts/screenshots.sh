# scripts/screenshots.sh: the checks of a window's screenshots that
# scripts/smoke.sh and scripts/wine-test.sh share. Sourced, not run: the
# script that sources it defines note and fail.

# has_content fails unless the picture has the spread of colours of a drawn
# window: a blank, black or single-colour capture has almost none.
has_content() {
	local file=$1 what=$2 sd colours
	sd=$(identify -format '%[fx:standard_deviation]' "$file")
	colours=$(identify -format '%k' "$file")
	note "$what: standard deviation $sd, $colours colours"
	awk -v sd="$sd" 'BEGIN { exit !(sd > 0.05) }' || fail "$what looks blank ($file)"
	[ "$colours" -gt 16 ] || fail "$what has only $colours colours ($file)"
}

# differs fails if two pictures are the same: the screen did not change.
differs() {
	local a=$1 b=$2 what=$3 pixels
	pixels=$(compare -metric AE "$a" "$b" null: 2>&1 || true)
	note "$what: $pixels pixels changed"
	awk -v n="${pixels%% *}" 'BEGIN { exit !(n > 1000) }' || fail "$what: the window did not change"
}
