// Package assets holds the files built into the binary: the app's icon
// (a white shield with a heart on a blue square, 256×256 PNG).
package assets

import _ "embed"

// Icon is the app icon as PNG bytes, for the window and the desktop entry.
// FyneApp.toml names the same file for packaging.
//
//go:embed icon.png
var Icon []byte
