// Package demo makes fictional safeguarding enquiries for trying the app,
// training, screenshots, tests and benchmarks. Everything in them is made
// up: names, the council ("Northmoor"), streets, phone numbers in Ofcom's
// drama ranges (01632 960xxx, 07700 900xxx), postcodes in the unused "NM"
// area, e-mail at example.org, and NHS numbers in the never-issued 999
// range.
//
// Cases returns the cases in memory; the caller writes them with the
// store's bulk create (store.(*Store).CreateAll).
package demo
