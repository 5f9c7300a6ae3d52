# The demo's 2021 report narrative (narrative.csv, abbreviations.csv): document
# information, foreword, about and contact, written in our own words from the facts of
# the published 2021 report (seed 004): who prepared it and when, the pandemic year,
# the share of activity costs on COVID-19 work, the nine NGO partnerships begun in June
# 2021, the Bohol work plan review, the project counts, the programme's size and span,
# its target countries and partners. No sentence of the report is reused.

NARRATIVE = [
    ("document_information",
     "**Prepared by** the ASEAN-ACT programme team  \n"
     "**Issued** April 2022\n\n"
     "This edition was computed by actip from the programme's records. The Australian "
     "Government funds the programme through its Department of Foreign Affairs and Trade; "
     "opinions in the narrative belong to the authors and do not state Australian "
     "Government policy."),
    ("foreword",
     "COVID-19 shaped a second year of work: new waves of infection brought closed borders "
     "and lockdowns across the region. Even so, most outputs planned for 2021 were "
     "delivered, and around 81% of what activities cost went to work that answered the "
     "pandemic.\n\n"
     "At regional level the programme helped ASEAN review the Bohol TIP Work Plan "
     "2017–2020, so that planning, monitoring and reporting on the Convention keep victims "
     "at the centre, and it opened a partnership with the ACWC on victim-centred, "
     "gender-sensitive practice.\n\n"
     "Nationally, 34 multi-year projects ran in six countries; 13 finished what was planned "
     "for the year, 15 finished part of it, 5 slipped somewhat and 1 slipped badly. The "
     "activities that next year's work depends on were completed.\n\n"
     "A grants scheme began in June 2021 with nine NGOs, chosen for how they tackle "
     "trafficking, their track record and their fit with the programme's principles.\n\n"
     "The two co-chairs of the Regional Program Steering Committee, the SOMTC Voluntary "
     "Lead Shepherd on TIP and Australia's Ambassador to ASEAN, thank every partner agency, "
     "ASEAN body, NGO and staff member for the year's effort."),
    ("about",
     "ASEAN-ACT is a ten-year programme (2018–2028, AUD 80 million) that carries on "
     "Australia's counter-trafficking support in the region. Its goal: justice systems in "
     "ASEAN member states that punish traffickers justly and protect the human rights of "
     "victims.\n\n"
     "**Countries:** Cambodia, Indonesia (being set up), Lao PDR, Myanmar (on hold), the "
     "Philippines, Thailand and Vietnam.\n\n"
     "**Partners:** SOMTC, the ACWC, AICHR and the ASEAN Secretariat; police, prosecutors, "
     "judges and social welfare agencies and the national anti-trafficking committees of "
     "the six countries; UNODC, ODI and The Asia Foundation; and nine NGOs."),
    ("contact",
     "Resources for counter-trafficking work are on **aseanact.org** and the partnership "
     "portal **aseanactpartnershiphub.com**. Questions: <info@aseanact.org>."),
]

ABBREVIATIONS = [
    ("ACTIP", "ASEAN Convention against Trafficking in Persons, Especially Women and Children"),
    ("ACWC", "ASEAN Commission on the Promotion and Protection of the Rights of Women and Children"),
    ("AICHR", "ASEAN Intergovernmental Commission on Human Rights"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("ASEAN-ACT", "ASEAN–Australia Counter Trafficking"),
    ("CSO", "civil society organisation"),
    ("CTIP", "counter-trafficking in persons"),
    ("DFAT", "Department of Foreign Affairs and Trade (Australia)"),
    ("EOPO", "end-of-program outcome"),
    ("GESI", "gender equality and social inclusion"),
    ("IACAT", "Inter-Agency Council Against Trafficking (Philippines)"),
    ("NGO", "non-government organisation"),
    ("ODI", "Overseas Development Institute"),
    ("RPSC", "Regional Program Steering Committee"),
    ("SOMTC", "ASEAN Senior Officials Meeting on Transnational Crime"),
    ("TIP", "trafficking in persons"),
    ("UNODC", "United Nations Office on Drugs and Crime"),
]


def write(out, write_csv):
    write_csv(out / "narrative.csv", ["year", "section", "text"],
              [["2021", k, t] for (k, t) in NARRATIVE])
    write_csv(out / "abbreviations.csv", ["year", "abbreviation", "meaning"],
              [["2021", a, m] for (a, m) in ABBREVIATIONS])
