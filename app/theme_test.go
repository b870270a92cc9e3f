package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// textOn lists, for each colour text is drawn in, the backgrounds it is
// drawn on: labels and hints on the window, dialogs and entries; button
// text on buttons, also under the mouse; table headers; coloured buttons.
var textOn = map[fyne.ThemeColorName][]fyne.ThemeColorName{
	theme.ColorNameForeground: {theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameButton,
		theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground, hoveredButton},
	theme.ColorNameDisabled: {theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameDisabledButton,
		theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground},
	theme.ColorNamePlaceHolder:         {theme.ColorNameInputBackground},
	theme.ColorNamePrimary:             {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameInputBackground},
	theme.ColorNameHyperlink:           {theme.ColorNameBackground, theme.ColorNameOverlayBackground},
	theme.ColorNameError:               {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameInputBackground},
	theme.ColorNameSuccess:             {theme.ColorNameBackground, theme.ColorNameOverlayBackground},
	theme.ColorNameWarning:             {theme.ColorNameBackground, theme.ColorNameOverlayBackground},
	theme.ColorNameForegroundOnPrimary: {theme.ColorNamePrimary},
	theme.ColorNameForegroundOnError:   {theme.ColorNameError},
	theme.ColorNameForegroundOnSuccess: {theme.ColorNameSuccess},
	theme.ColorNameForegroundOnWarning: {theme.ColorNameWarning},
}

// hoveredButton stands for a button under the mouse: the hover colour laid over the button colour.
const hoveredButton fyne.ThemeColorName = "test: hovered button"

func TestThemeContrast(t *testing.T) {
	test.NewTempApp(t)
	th := newReadableTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		colour := func(n fyne.ThemeColorName) color.Color {
			if n == hoveredButton {
				return over(th.Color(theme.ColorNameHover, v), th.Color(theme.ColorNameButton, v))
			}
			return over(th.Color(n, v), th.Color(theme.ColorNameBackground, v))
		}
		for text, backs := range textOn {
			for _, back := range backs {
				if r := contrast(colour(text), colour(back)); r < 4.5 {
					t.Errorf("variant %d: %s on %s is %.2f:1, want at least 4.5:1", v, text, back, r)
				}
			}
		}
	}
}

// The test can fail: Fyne's own greys and colours do not all pass.
func TestFyneThemeFallsShort(t *testing.T) {
	test.NewTempApp(t)
	th := theme.DefaultTheme()
	light := theme.VariantLight
	if r := contrast(th.Color(theme.ColorNameDisabled, light), th.Color(theme.ColorNameBackground, light)); r >= 4.5 {
		t.Errorf("Fyne's grey on white is %.2f:1: the contrast test would pass Fyne's theme unchanged", r)
	}
}

// over lays c on an opaque back, as the screen shows it.
func over(c, back color.Color) color.Color {
	cr, cg, cb, ca := c.RGBA()
	br, bg, bb, _ := back.RGBA()
	mix := func(f, b uint32) uint8 { return uint8((f + b*(0xffff-ca)/0xffff) >> 8) }
	return color.NRGBA{mix(cr, br), mix(cg, bg), mix(cb, bb), 0xff}
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
