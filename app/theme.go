package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readableTheme is Fyne's theme with its text colours made readable: every
// colour text is drawn in stands at least 4.5:1 against the backgrounds it
// is drawn on, in the light and the dark variant (WCAG 2.2 AA; checked by
// TestThemeContrast). Fyne's own greys for hints and disabled text (1.3:1
// on white, 1.6:1 on the dark background), its bright green, orange and red,
// and its blue on white fall short; everything else, fonts, icons and sizes
// included, is Fyne's.
type readableTheme struct{ fyne.Theme }

func newReadableTheme() fyne.Theme { return readableTheme{theme.DefaultTheme()} }

// readableColours are the colours that differ from Fyne's, by variant.
var readableColours = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.NRGBA{
	theme.VariantLight: {
		theme.ColorNameForeground:          {0x30, 0x30, 0x30, 0xff},
		theme.ColorNameDisabled:            {0x66, 0x66, 0x66, 0xff},
		theme.ColorNamePlaceHolder:         {0x66, 0x66, 0x66, 0xff},
		theme.ColorNamePrimary:             {0x1f, 0x5f, 0xd6, 0xff},
		theme.ColorNameHyperlink:           {0x1f, 0x5f, 0xd6, 0xff},
		theme.ColorNameForegroundOnPrimary: {0xff, 0xff, 0xff, 0xff},
		theme.ColorNameError:               {0xc6, 0x28, 0x28, 0xff},
		theme.ColorNameSuccess:             {0x25, 0x6b, 0x29, 0xff},
		theme.ColorNameWarning:             {0xa1, 0x5c, 0x00, 0xff},
		theme.ColorNameForegroundOnError:   {0xff, 0xff, 0xff, 0xff},
		theme.ColorNameForegroundOnSuccess: {0xff, 0xff, 0xff, 0xff},
		theme.ColorNameForegroundOnWarning: {0xff, 0xff, 0xff, 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameDisabled:            {0x9a, 0x9a, 0x9a, 0xff},
		theme.ColorNamePrimary:             {0x6e, 0xa2, 0xff, 0xff},
		theme.ColorNameHyperlink:           {0x6e, 0xa2, 0xff, 0xff},
		theme.ColorNameForegroundOnPrimary: {0x17, 0x17, 0x18, 0xff},
		theme.ColorNameError:               {0xff, 0x6b, 0x5e, 0xff},
		theme.ColorNameForegroundOnError:   {0x17, 0x17, 0x18, 0xff},
	},
}

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readableColours[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}
