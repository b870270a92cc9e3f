package demo

// Fictional names and places for demo cases. Some names carry diacritics
// and some are in Cyrillic, so that every screen, export and font is tried
// with text that is not plain ASCII.

// demoCasts are the people at the centre of the twelve scenarios, in order.
// ago places each canonical case in time (days before demoAnchor of its
// last past event), spreading them over 2024 to 2026.
var demoCasts = [...]demoCast{
	{"Mrs", "Dorothy", "Ashcombe", "Female", 84, 500, ""},
	{"", "Ада", "Соколова", "Female", 69, 5, "Ada"},
	{"Ms", "Zoë", "Ffrench", "Female", 26, 2, ""},
	{"Mr", "Albert", "Okonkwo", "Male", 91, 3, "Bertie"},
	{"Mrs", "Siobhán", "Ó Briain", "Female", 78, 0, ""},
	{"Mr", "Ravinder", "Gill", "Male", 73, 4, "Ravi"},
	{"Ms", "Renée", "Castellano", "Female", 58, 2, ""},
	{"Mr", "Bernard", "Price", "Male", 71, 1, "Bernie"},
	{"Mr", "Tomás", "Quigley", "Male", 45, 600, ""},
	{"Mrs", "Łucja", "Nowak", "Female", 88, 800, "Lucy"},
	{"Mr", "József", "Horváth", "Male", 34, 400, "Joe"},
	{"Mr", "Henryk", "Kowalczyk", "Male", 80, 250, "Henry"},
}

// cyrillic reports whether the cast's name is written in Cyrillic.
func (c demoCast) cyrillic() bool { return c.first != "" && c.first[0] >= 0xD0 && c.first[0] <= 0xD3 }

var demoCyrillicNames = [][2]string{
	{"Ада", "Соколова"}, {"Нина", "Орлова"}, {"Вера", "Кузнецова"}, {"Галина", "Миронова"},
}

var demoFemaleNames = []string{
	"Margaret", "Joan", "Patricia", "Zoë", "Renée", "Siobhán", "Łucja", "Aoife", "Priya", "Grace",
	"Hannah", "Fatima", "Chloé", "Agnieszka", "Nia", "Eileen", "Bronwen", "Amara", "Inés", "Maureen",
}

var demoMaleNames = []string{
	"Harold", "Bernard", "József", "Tomás", "Henryk", "Ravinder", "Kwame", "Dylan", "Ahmed", "Callum",
	"Rhys", "Stanisław", "Eamon", "Olu", "Jürgen", "Arthur", "Dennis", "Gareth", "Imran", "Leon",
}

var demoSurnames = []string{
	"Ashcombe", "Pemberton", "Okonkwo", "Ó Briain", "Nowak", "Fernández", "Horváth", "Gill", "Price",
	"Harries", "Kowalczyk", "Müller", "Lindqvist", "Adeyemi", "Thornbury", "Quigley", "Marsh",
	"Castellano", "Brennan", "Llewellyn", "Dufresne", "Hussain", "Whitlock", "Østergaard",
}

// demoFirstNames returns the first-name pool for a gender.
func demoFirstNames(gender string) []string {
	if gender == "Male" {
		return demoMaleNames
	}
	return demoFemaleNames
}

var demoStreets = []string{
	"Larkspur Close", "Quarry Bank Road", "Tannery Lane", "Wheelwright Row", "Cobbler's Walk",
	"Heronsgate Avenue", "Kiln Street", "Fennel Court", "Mill Race Terrace", "Saltings Way",
	"Orchard Rise", "Beacon View", "Pinfold Gardens", "Ropewalk Mews",
}

// demoPostcodeLetters are the letters a postcode's last two characters may use.
const demoPostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ"

var demoLeads = []string{
	"Sam Okoro, social worker",
	"Bethan Lloyd, senior practitioner",
	"Marcus Webb, social worker",
	"Aisha Rahman, safeguarding practitioner",
	"Tom Fairweather, social worker",
	"Ewa Zielińska, senior social worker",
}
