package export

import (
	"bytes"
	"fmt"
	"html/template"
)

// WriteHTML draws a Document as one self-contained HTML page for people who
// use screen readers (no Go library makes tagged PDF): lang en-GB, a title,
// the marking at top and bottom, h1/h2/h3 headings, tables with header
// cells, and the same parts, withheld lines and redactions as the PDF. It
// loads nothing from outside: no scripts, fonts, images or style sheets.
func WriteHTML(doc *Document) ([]byte, error) {
	doc = doc.cleaned(cleanText)
	view := htmlView{
		Title:         doc.Title,
		Marking:       doc.Marking,
		Reference:     doc.Reference,
		ReferenceLine: doc.referenceLine(),
		Made:          doc.madeDate(),
		Author:        doc.Author,
	}
	for _, p := range doc.Parts {
		hp := htmlPart{Heading: p.Heading}
		for _, b := range p.Blocks {
			hp.Blocks = append(hp.Blocks, htmlBlockOf(b))
		}
		view.Parts = append(view.Parts, hp)
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, view); err != nil {
		return nil, fmt.Errorf("export: writing the HTML: %w", err)
	}
	return buf.Bytes(), nil
}

type htmlView struct {
	Title, Marking, Reference, ReferenceLine, Made, Author string
	Parts                                                  []htmlPart
}

type htmlPart struct {
	Heading string
	Blocks  []htmlBlock
}

// htmlBlock is a Block flattened for the template: Kind says which fields count.
type htmlBlock struct {
	Kind    string // p, h3, entry, notice, fields, table
	Text    string
	Title   string
	Fields  Fields
	Columns []string
	Rows    [][]string
}

func htmlBlockOf(b Block) htmlBlock {
	switch b := b.(type) {
	case Paragraph:
		return htmlBlock{Kind: "p", Text: b.Text}
	case Subheading:
		return htmlBlock{Kind: "h3", Text: b.Text}
	case Notice:
		return htmlBlock{Kind: "notice", Text: b.Text}
	case Entry:
		return htmlBlock{Kind: "entry", Title: b.Title, Text: b.Text}
	case Fields:
		if len(b) == 0 {
			return htmlBlock{Kind: "p", Text: notRecorded}
		}
		return htmlBlock{Kind: "fields", Fields: b}
	case Table:
		return htmlBlock{Kind: "table", Columns: b.Columns, Rows: b.Rows}
	}
	return htmlBlock{}
}

// The page's only styling is inline; the Content-Security-Policy makes sure
// a browser fetches nothing else.
var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="author" content="{{.Author}}" />
<title>{{.Title}} {{.Reference}}</title>
<style>
body { font-family: sans-serif; font-size: 1.1rem; line-height: 1.5; max-width: 48rem; margin: 1rem auto; padding: 0 1rem; color: #0b0c0c; }
.marking { font-weight: bold; text-align: center; letter-spacing: 0.05em; }
p, dd, td { white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #505a5f; padding: 0.3rem; text-align: left; vertical-align: top; }
th { background: #e1e1e1; }
dt { font-weight: bold; margin-top: 0.4rem; }
dd { margin-left: 1.5rem; }
.withheld { font-style: italic; border-left: 4px solid #505a5f; padding-left: 0.5rem; }
.entry-title { font-weight: bold; margin-bottom: 0; }
</style>
</head>
<body>
<header>
<p class="marking">{{.Marking}}</p>
<p>{{.ReferenceLine}}. Made {{.Made}}.</p>
</header>
<main>
<h1>{{.Title}}</h1>
{{range .Parts}}<section>
{{if .Heading}}<h2>{{.Heading}}</h2>
{{end}}{{range .Blocks}}{{template "block" .}}{{end}}</section>
{{end}}</main>
<footer>
<p>{{.ReferenceLine}}. Made {{.Made}}.</p>
<p class="marking">{{.Marking}}</p>
</footer>
</body>
</html>
{{define "block"}}{{if eq .Kind "p"}}<p>{{.Text}}</p>
{{else if eq .Kind "h3"}}<h3>{{.Text}}</h3>
{{else if eq .Kind "notice"}}<p class="withheld">{{.Text}}</p>
{{else if eq .Kind "entry"}}<p class="entry-title">{{.Title}}</p>
<p>{{.Text}}</p>
{{else if eq .Kind "fields"}}<dl>
{{range .Fields}}<dt>{{.Label}}</dt><dd>{{.Value}}</dd>
{{end}}</dl>
{{else if eq .Kind "table"}}<table>
<thead><tr>{{range .Columns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{end}}`))
