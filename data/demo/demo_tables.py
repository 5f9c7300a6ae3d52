# demo_tables.py - literal data behind the actip demo data set.
#
# Everything here is a plain Python structure read by generate.py: the results
# framework, the 43 projects of the 2021 annual report, their statuses, partners,
# expenditure, every activity of 2019-2021 (titles drawn from the 2021 report's
# narrative), the 2021 targets the data must reproduce (Tables 3-5 of the
# published report), the plan that splits those targets into national/regional
# attendance pools, and the synthetic name lists used for participants.
# No logic lives here beyond the tiny constructors below.

CD, MEETING, OTHER, STAFF = "capacity_development", "meeting", "other", "staff_event"

COUNTRIES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "ASEAN"]
SEXES = ["female", "male", "other"]


# Participant spec: exact numbers of (female, male, other) attendances.
def F(f, m, o=0):
    return ("fixed", f, m, o)


# Participant spec: an exact total; the sex split follows the attendance pools.
def N(n):
    return ("total", n)


# Participant spec: a share of the pools proportional to weight w.
def W(w):
    return ("weight", w)


# One activity row of the activity tables.
def act(project, typ, title, when=None, part=None, **kw):
    row = {"project": project, "type": typ, "title": title, "when": when, "part": part}
    row.update(kw)
    return row


# A series of similar activities: title template filled from `fills`;
# `when` and `part` may be single values or one per fill.
def series(project, typ, template, fills, when=None, part=None, **kw):
    rows = []
    for i, fill in enumerate(fills):
        w = when[i] if isinstance(when, list) else when
        p = part[i] if isinstance(part, list) else part
        rows.append(act(project, typ, template.format(fill), w, p, **kw))
    return rows


# ---------------------------------------------------------------- framework
FRAMEWORK = [
    ("GOAL", "goal", "", "ASEAN member states have effective justice systems that provide just punishment of traffickers and protect the human rights of victims of trafficking in persons"),
    ("EOPO1", "eopo", "GOAL", "ASEAN's planning, monitoring and reporting of ACTIP implementation is increasingly effective and advances the protection of victim rights"),
    ("EOPO2", "eopo", "GOAL", "ASEAN member state justice and related state agencies are increasingly capable of implementing their ACTIP obligations, in particular those that uphold victim rights"),
    ("EOPO3", "eopo", "GOAL", "ASEAN member state justice and related state agencies' policies and practices are influenced by relevant stakeholders and better aligned with the ACTIP, especially in connection to victim rights obligations"),
    ("O1.1", "immediate", "EOPO1", "ASEAN has effective, victim-sensitive ACTIP planning processes and aligned initiatives"),
    ("O1.2", "immediate", "EOPO1", "ASEAN has effective, victim-sensitive ACTIP monitoring and reporting processes and aligned initiatives"),
    ("O1.3", "immediate", "EOPO1", "ASEAN member states are sharing knowledge and learning on ACTIP implementation"),
    ("O1.6", "intermediate", "EOPO1", "ACTIP implementation is informed by regional and global evidence-based trends and innovation"),
    ("O2.1", "immediate", "EOPO2", "Justice agency partners are developing sustainable ACTIP-aligned initiatives"),
    ("O2.2", "immediate", "EOPO2", "Cross-agency cooperation is addressing barriers to ACTIP implementation"),
    ("O2.3", "immediate", "EOPO2", "Justice agency partners are developing practical solutions to ACTIP implementation challenges"),
    ("O2.4", "immediate", "EOPO2", "Justice agency partners are implementing sustainable ACTIP-aligned initiatives"),
    ("O2.5", "immediate", "EOPO2", "Justice agency partners are applying practical solutions to ACTIP implementation challenges"),
    ("O2.6", "intermediate", "EOPO2", "The practice of individuals and agencies, including their treatment of victims of trafficking in persons, is informed by cross-agency cooperation and ACTIP-aligned initiatives"),
    ("O3.1", "immediate", "EOPO3", "Key state and non-state actors involved in TIP policy reform are identified and supported"),
    ("O3.2", "immediate", "EOPO3", "Enhanced mechanisms promote joint policy dialogue and learning"),
    ("O3.3", "immediate", "EOPO3", "Key counter-trafficking policy issues of mutual interest are identified and supported"),
    ("O3.4", "immediate", "EOPO3", "Diverse stakeholders engage in inclusive and demand-led dialogue and cooperation on justice sector counter-trafficking policy and practice"),
    ("O3.5", "intermediate", "EOPO3", "Knowledge and attitudes of justice sector stakeholders change through joint policy dialogue and learning"),
    ("O3.6", "intermediate", "EOPO3", "Policies and practices across the justice sector are influenced and better aligned with the ACTIP"),
]

# ----------------------------------------------------------------- projects
# code, title (as printed in the 2021 report), country, focus, partner,
# outcomes (from the report's achievements where it cites them), start, end
PROJECTS = [
    ("C202", "Transnational investigative cooperation", "KH", "national", "Cambodian National Police (CNP)", "O2.2;O2.3", 2020, 2023),
    ("C203", "Capacity development initiative", "KH", "national", "Cambodian National Police (CNP)", "O2.1;O2.3", 2020, 2023),
    ("C204", "Prosecutor capacity development initiative", "KH", "national", "Ministry of Justice (MOJ)", "O2.1;O2.3", 2020, 2022),
    ("C205", "Counter trafficking in persons court capacity development initiatives", "KH", "national", "Judiciary", "O2.1;O2.3", 2020, 2023),
    ("C299", "Effectiveness and governance", "KH", "national", "", "O2.1;O2.2;O2.3", 2019, 2023),
    ("I202", "Counter trafficking in capacity development initiatives", "ID", "national", "", "O2.1;O2.2;O2.3", 2021, 2023),
    ("I204", "Court capacity development initiative", "ID", "national", "Supreme Court", "O2.1;O2.3", 2021, 2023),
    ("I299", "Effectiveness and governance", "ID", "national", "", "O2.1;O2.2;O2.3", 2020, 2023),
    ("L201", "Counter trafficking in persons capacity development initiative", "LA", "national", "Anti-Human Trafficking Department (AHTD)", "O2.1;O2.3", 2020, 2023),
    ("L204", "CTIP court capacity development initiatives", "LA", "national", "People's Supreme Court (PSC)", "O2.1;O2.3", 2020, 2022),
    ("L206", "Cross-agency CTIP cooperation", "LA", "national", "Lao Women's Union (LWU)", "O2.2", 2021, 2023),
    ("L207", "Prosecutor capacity development initiative", "LA", "national", "Office of the Supreme People's Procuracy (OSPP)", "O2.1;O2.3", 2020, 2023),
    ("L299", "Effectiveness and governance", "LA", "national", "", "O2.1;O2.2;O2.3", 2019, 2023),
    ("P201", "Localisation of CTIP law pilot initiative", "PH", "national", "Department of the Interior and Local Government (DILG)", "O2.1;O2.3", 2019, 2022),
    ("P202", "Victim-centred prosecution capacity development initiative", "PH", "national", "Department of Justice (DOJ)", "O2.1;O2.2", 2019, 2023),
    ("P203", "CTIP operations capacity development initiatives", "PH", "national", "National Bureau of Investigation (NBI)", "O2.1", 2019, 2022),
    ("P204", "Victim-centred courts capacity development initiative", "PH", "national", "Supreme Court (SC)", "O2.1", 2020, 2023),
    ("P206", "Transnational investigative cooperation", "PH", "national", "Philippine National Police (PNP)", "O2.2;O2.3", 2020, 2022),
    ("P209", "Capacity development", "PH", "national", "Philippine National Police (PNP)", "O2.1;O2.3", 2021, 2023),
    ("P299", "Effectiveness and governance", "PH", "national", "", "O2.1;O2.2;O2.3", 2019, 2023),
    ("P305", "CTIP in government supply chains pilot initiative", "PH", "national", "Inter-Agency Council Against Trafficking (IACAT)", "O3.1;O3.3", 2020, 2022),
    ("T201", "CTIP court capacity development initiative", "TH", "national", "Court of Justice (COJ)", "O2.1", 2019, 2023),
    ("T202", "Victim-centred prosecution capacity development initiative", "TH", "national", "Office of the Attorney General (OAG)", "O2.1;O2.2;O2.3", 2019, 2023),
    ("T203", "Transnational investigative cooperation", "TH", "national", "Royal Thai Police (RTP) and Department of Special Investigation (DSI)", "O2.2;O2.3", 2019, 2022),
    ("T206", "Cross-agency CTIP cooperation", "TH", "national", "", "O2.3", 2020, 2023),
    ("T208", "Capacity development initiative", "TH", "national", "Division of Anti-Trafficking in Persons, Ministry of Social Development and Human Security (MSDHS)", "O2.1;O2.2", 2020, 2023),
    ("T299", "Effectiveness and governance", "TH", "national", "", "O2.1;O2.2;O2.3", 2019, 2023),
    ("V201", "Victim identification capacity development initiative", "VN", "national", "Ministry of Public Security (MPS)", "O2.1", 2019, 2023),
    ("V202", "CTIP court capacity development initiative", "VN", "national", "Supreme People's Court (SPC)", "O2.1", 2019, 2022),
    ("V203", "Victim-centred courts capacity development initiative", "VN", "national", "Supreme People's Court (SPC)", "O2.2", 2020, 2023),
    ("V204", "Equality and inclusion – victim-centred prosecution capacity development initiative", "VN", "national", "Supreme People's Procuracy (SPP)", "O2.1;O2.2", 2020, 2023),
    ("V205", "Support for including equality and inclusion and victim rights in national plan of action", "VN", "national", "Ministry of Public Security (MPS)", "O2.1;O2.2", 2020, 2022),
    ("V206", "Cross-agency CTIP cooperation", "VN", "national", "", "O2.2;O2.3", 2020, 2023),
    ("V299", "Effectiveness and governance", "VN", "national", "", "O2.2;O2.3", 2019, 2023),
    ("A101", "Bohol TIP Workplan", "ASEAN", "regional", "Senior Officials Meeting on Transnational Crime (SOMTC)", "O1.1;O1.2", 2019, 2022),
    ("A102", "Lead Shepherd support initiative", "ASEAN", "regional", "SOMTC", "O1.1;O1.2;O1.3", 2019, 2023),
    ("A103", "ACTIP implementation support", "ASEAN", "regional", "SOMTC", "O1.1;O1.3", 2019, 2023),
    ("A104", "ASEAN sectoral bodies cooperation", "ASEAN", "regional", "ASEAN Intergovernmental Commission on Human Rights (AICHR)", "O1.1;O1.3", 2021, 2023),
    ("A199", "Effectiveness and governance", "ASEAN", "regional", "", "O1.1;O1.2;O1.3", 2019, 2023),
    ("A208", "ASEAN member states transnational investigative cooperation", "ASEAN", "regional", "", "O1.3;O1.6", 2020, 2023),
    ("R101", "Improved shelter practices in ASEAN", "ASEAN", "victim_rights_gesi", "ASEAN Commission on the Promotion and Protection of the Rights of Women and Children (ACWC)", "O1.1;O1.3", 2021, 2023),
    ("R206", "Victim rights, and equality and inclusion adaptive responses", "ASEAN", "victim_rights_gesi", "", "O2.3;O2.5", 2020, 2022),
    ("R304", "Enhance victim- and gender-sensitive approaches", "ASEAN", "victim_rights_gesi", "ACWC", "O3.3;O3.4", 2021, 2023),
]

# ------------------------------------------------------------ project status
# 2021: the 34 national projects give 13 completed, 15 partly completed,
# 5 with some delays and 1 with major delay, as the report says.
STATUS = {
    2021: [
        ("C202", "some_delays", "Cross-border meetings moved online; joint case work postponed"),
        ("C203", "completed", ""),
        ("C204", "partly_completed", ""),
        ("C205", "completed", ""),
        ("C299", "completed", ""),
        ("I202", "partly_completed", "Bilateral memorandum not yet signed; work through regional activities and AIPJ2"),
        ("I204", "major_delay", "Court decisions analysis only commenced late in the year"),
        ("I299", "partly_completed", ""),
        ("L201", "completed", ""),
        ("L204", "completed", ""),
        ("L206", "partly_completed", ""),
        ("L207", "completed", ""),
        ("L299", "partly_completed", ""),
        ("P201", "completed", ""),
        ("P202", "completed", ""),
        ("P203", "partly_completed", ""),
        ("P204", "partly_completed", ""),
        ("P206", "some_delays", "Travel restrictions"),
        ("P209", "partly_completed", ""),
        ("P299", "completed", ""),
        ("P305", "partly_completed", ""),
        ("T201", "some_delays", "Last judges' training of April 2021 postponed to 2022 (COVID-19)"),
        ("T202", "completed", ""),
        ("T203", "some_delays", "Cooperation with the Myanmar Police Force on hold"),
        ("T206", "partly_completed", ""),
        ("T208", "partly_completed", ""),
        ("T299", "completed", ""),
        ("V201", "completed", ""),
        ("V202", "partly_completed", "Training materials under review"),
        ("V203", "completed", ""),
        ("V204", "partly_completed", ""),
        ("V205", "partly_completed", ""),
        ("V206", "some_delays", "Provincial activities delayed by travel restrictions"),
        ("V299", "partly_completed", ""),
        ("A101", "partly_completed", "Draft review report submitted in December 2021"),
        ("A102", "completed", ""),
        ("A103", "partly_completed", ""),
        ("A104", "completed", ""),
        ("A199", "completed", ""),
        ("A208", "some_delays", ""),
        ("R101", "partly_completed", ""),
        ("R206", "some_delays", ""),
        ("R304", "partly_completed", ""),
    ],
    2020: [
        ("C202", "some_delays", ""), ("C203", "partly_completed", ""), ("C204", "partly_completed", ""),
        ("C205", "partly_completed", ""), ("C299", "completed", ""),
        ("I299", "some_delays", "Programming in Indonesia under establishment"),
        ("L201", "partly_completed", ""), ("L204", "completed", ""), ("L207", "some_delays", ""),
        ("L299", "completed", ""),
        ("P201", "completed", ""), ("P202", "partly_completed", ""), ("P203", "partly_completed", ""),
        ("P204", "some_delays", ""), ("P206", "major_delay", "COVID-19 travel restrictions"),
        ("P299", "completed", ""), ("P305", "not_started", ""),
        ("T201", "completed", ""), ("T202", "partly_completed", ""),
        ("T203", "major_delay", "Cooperation with the Myanmar Police Force on hold since February 2020"),
        ("T206", "not_started", ""), ("T208", "partly_completed", ""), ("T299", "completed", ""),
        ("V201", "completed", ""), ("V202", "partly_completed", ""), ("V203", "partly_completed", ""),
        ("V204", "some_delays", ""), ("V205", "completed", ""), ("V206", "partly_completed", ""),
        ("V299", "completed", ""),
        ("A101", "partly_completed", ""), ("A102", "completed", ""), ("A103", "partly_completed", ""),
        ("A199", "completed", ""), ("A208", "some_delays", ""), ("R206", "partly_completed", ""),
    ],
}

# ----------------------------------------------------------------- partners
# code, name, kind, country, started_on, focus
PARTNERS = [
    ("LSCW", "Legal Support for Children and Women", "ngo", "KH", "2021-06-01",
     "Legal assistance to victims of trafficking; lessons learned in victim identification inform policy dialogue"),
    ("VFI", "Village Focus International", "ngo", "LA", "2021-06-01",
     "Identifying and assisting victims locally; helping government and NGOs respond to TIP"),
    ("OPLE", "Blas F. Ople Policy Center and Training Institute", "ngo", "PH", "2021-06-01",
     "Advocacy and policy dialogue for protecting migrant workers under a new policy framework and a new government agency for them"),
    ("HRDF", "Human Rights and Development Foundation", "ngo", "TH", "2021-06-01",
     "Trafficking in persons in agriculture and construction: research, legal support and advocacy"),
    ("SRLAW", "Social Responsibility Law Office", "ngo", "TH", "2021-07-01",
     "Policy dialogue and lessons learned in victim identification, labour exploitation and TIP; access to justice and compensation for victims"),
    ("LPN", "Labour Protection Network", "ngo", "TH", "2021-09-01",
     "Migrant workers in the special economic zones of Sa Kaeo, Rayong and Trat: self-advocacy, vulnerabilities to trafficking, consultations with authorities"),
    ("VSEA", "Verité Southeast Asia Inc.", "ngo", "TH", "2021-06-01",
     "Research on in-country recruitment of foreign migrant workers in Thailand and the associated risks of trafficking in persons"),
    ("BDCF", "Blue Dragon Children's Foundation", "ngo", "VN", "2021-07-01",
     "Lessons learned on victim identification, policy engagement, assistance in TIP cases and interagency collaboration in Dien Bien and Ha Giang provinces"),
    ("MFA", "Migrant Forum in Asia", "ngo", "ASEAN", "2021-07-01",
     "Study in several countries of how COVID-19 has made migrant workers more vulnerable to human trafficking"),
    ("UNODC", "United Nations Office on Drugs and Crime", "un", "", "",
     "Training curriculum and training courses for judges in Thailand"),
    ("ODI", "Overseas Development Institute", "research", "", "",
     "Applied political economy analysis of structural vulnerabilities to trafficking for labour exploitation in Southeast Asia"),
    ("TAF", "The Asia Foundation", "ngo", "", "", "Key regional partner"),
    ("SOMTC", "ASEAN Senior Officials Meeting on Transnational Crime", "asean_body", "ASEAN", "",
     "Bohol TIP Work Plan review; Lead Shepherd support; ACTIP implementation"),
    ("ACWC", "ASEAN Commission on the Promotion and Protection of the Rights of Women and Children", "asean_body", "ASEAN", "",
     "Victim-centred and gender-sensitive approaches; regional 'do no harm' guide for frontline responders"),
    ("AICHR", "ASEAN Intergovernmental Commission on Human Rights", "asean_body", "ASEAN", "2021-06-01",
     "Capacity-building component of the Bohol TIP Work Plan; ACTIP-aligned initiatives"),
]

# -------------------------------------------------------------- expenditure
EXPENDITURE = [(2019, "3735000", "USD", ""), (2020, "5736000", "USD", ""), (2021, "8999000", "USD", "")]

# ------------------------------------------------------ 2021 published targets
# Table 3 (attendances) and Table 4 (people trained): (female, male, other).
TABLE3 = {"BN": (22, 20, 0), "KH": (380, 677, 0), "ID": (277, 124, 1), "LA": (270, 329, 3),
          "MY": (35, 32, 0), "MM": (34, 14, 1), "PH": (2212, 1426, 9), "SG": (30, 25, 0),
          "TH": (703, 745, 0), "VN": (636, 493, 3), "ASEAN": (47, 14, 0)}
TABLE4 = {"BN": (15, 11, 0), "KH": (257, 486, 0), "ID": (142, 64, 0), "LA": (133, 141, 1),
          "MY": (23, 16, 0), "MM": (26, 10, 1), "PH": (1048, 836, 5), "SG": (20, 18, 0),
          "TH": (420, 459, 0), "VN": (327, 250, 0), "ASEAN": (38, 14, 0)}
# Table 5: respondents by sex and the four published percentages.
TABLE5 = {
    "KH": ((151, 265, 6), (99, 98, 97, 97)),
    "LA": ((96, 120, 0), (97, 94, 94, 94)),
    "ID": ((35, 25, 0), (98, 90, 90, 88)),
    "PH": ((440, 221, 0), (100, 97, 97, 97)),
    "TH": ((145, 157, 0), (93, 87, 87, 92)),
    "VN": ((270, 184, 0), (100, 99, 98, 98)),
    "ASEAN": ((247, 135, 2), (98, 89, 84, 86)),
    "victim_rights_gesi": ((38, 23, 0), (100, 95, 90, 95)),
}
TABLE5_TOTAL = (98, 95, 93, 95)
QUESTIONS = ["satisfied", "met_objectives", "met_expectations", "improved_learning"]

# How each country's 2021 attendances split, as (female, male, other):
#   ncd   at its own capacity development events
#   rcd   at regional (ASEAN) capacity development events
#   rmt   at regional meetings and other regional events
#   guest as guests at another country's meetings (transnational cooperation)
# The rest of Table 3 (national meetings and other events) is derived.
POOLS_2021 = {
    "BN": {"rcd": (18, 15, 0), "rmt": (4, 5, 0)},
    "KH": {"ncd": (247, 486, 0), "rcd": (40, 55, 0), "rmt": (30, 35, 0), "guest": (3, 5, 0)},
    "ID": {"ncd": (44, 28, 0), "rcd": (138, 51, 0), "rmt": (35, 20, 0)},
    "LA": {"ncd": (138, 166, 1), "rcd": (30, 30, 0), "rmt": (15, 15, 0)},
    "MY": {"rcd": (28, 22, 0), "rmt": (7, 10, 0)},
    "MM": {"rcd": (27, 10, 1)},
    "PH": {"ncd": (780, 640, 4), "rcd": (380, 250, 2), "rmt": (210, 110, 0)},
    "SG": {"rcd": (24, 21, 0), "rmt": (6, 4, 0)},
    "TH": {"ncd": (290, 340, 0), "rcd": (170, 164, 0), "rmt": (60, 50, 0), "guest": (2, 6, 0)},
    "VN": {"ncd": (307, 240, 0), "rcd": (80, 55, 0), "rmt": (60, 45, 0)},
    "ASEAN": {"rcd": (42, 14, 0), "rmt": (5, 0, 0)},
}

# Share of women expected at 2020 events, by participant country.
WOMEN_SHARE_2020 = {"BN": 0.5, "KH": 0.35, "ID": 0.65, "LA": 0.45, "MY": 0.5, "MM": 0.65,
                    "PH": 0.6, "SG": 0.55, "TH": 0.5, "VN": 0.55, "ASEAN": 0.75}
# Mix of participant countries at 2020 regional webinars (relative weights).
WEBINAR_MIX_2020 = {"BN": 3, "KH": 8, "ID": 10, "LA": 5, "MY": 5, "MM": 4, "PH": 30,
                    "SG": 3, "TH": 15, "VN": 12, "ASEAN": 5}

# --------------------------------------------------------------- activities
MM_NO_PROJECT = None  # Myanmar: program on hold since February 2021

ACTIVITIES = {}

ACTIVITIES[(2021, "KH")] = [
    *series("C299", CD, "MoSVY training: policy and minimum standards for protecting TIP victims – {}",
            ["Kampong Cham", "Prey Veng", "Svay Rieng", "Banteay Meanchey", "Battambang", "Siem Reap"],
            when=["2021-03", "2021-04", "2021-06", "2021-08", "2021-10", "2021-11"],
            part=[F(10, 28), F(10, 28), F(10, 28), F(10, 28), F(10, 28), F(11, 29)]),
    act("C299", CD, "NCCT training for frontline responders on procedures for identifying TIP victims", "2021-09-14+2", F(33, 72)),
    *series("C299", CD, "Capacity development assessment workshop – {}",
            ["judiciary and prosecutors", "police and foreign affairs officials", "welfare and social services"],
            when=["2021-02", "2021-02", "2021-03"], part=W(10)),
    act("C204", CD, "MOJ consultative workshop on capacity gaps of trainers for the ASEAN Skills Program on TIP", "2021-05", W(8)),
    *series("C204", CD, "Prosecutor training-of-trainers on the ASEAN Skills Program on TIP – module {}", ["1", "2"],
            when=["2021-09", "2021-11"], part=W(8)),
    act("C205", CD, "Workshop on victim-sensitive court principles and indicators, with a justice of Thailand's Court of Appeal", "2021-06-22+1", W(10)),
    *series("C205", CD, "Judicial training on victim-sensitive handling of TIP cases – {}", ["Phnom Penh", "Siem Reap"],
            when=["2021-10", "2021-12"], part=W(12)),
    *series("C203", CD, "Training for the Specialist Unit of Anti-Trafficking on investigation of TIP cases – batch {}",
            ["1", "2", "3"], when=["2021-04", "2021-07", "2021-11"], part=W(12)),
    act("C202", CD, "Training for AHTJP officers on transnational investigative cooperation and information exchange", "2021-08", W(8)),
    act("C205", MEETING, "Online roundtable on victim-sensitive court principles (Judiciary, MOJ and NCCT)", "2021-07-08", F(30, 50)),
    act("C203", MEETING, "Technical meeting to review the Standard Operating Procedures for the Specialist Unit of Anti-Trafficking", "2021-05", W(10)),
    act("C202", MEETING, "Meeting of AHTJP police with the Royal Thai Police and DSI on transnational investigative cooperation", "2021-08-26", W(8), guests=["TH"]),
    act("C299", OTHER, "Printing of MoSVY training materials on minimum standards for protection of TIP victims", "2021-02"),
    act("C299", OTHER, "Translation of victim identification procedures into Khmer", "2021-01"),
    act("C204", OTHER, "Development of the prosecutor training curriculum (consultancy)", "2021-06"),
    act("C205", OTHER, "Adaptation of victim-sensitive court indicators for Cambodian courts", "2021-04"),
    act("C203", OTHER, "Procurement of training equipment for the Specialist Unit of Anti-Trafficking", "2021-03"),
    *series("C299", OTHER, "Monitoring visit to the Provincial Committee to Counter Trafficking – {}", ["Tbong Khmum", "Kampong Cham"],
            when=["2021-10", "2021-11"], part=W(6)),
    act("C299", OTHER, "Annual review and reflection session with national partners", "2021-12", W(10)),
    act("C202", OTHER, "Study on cross-border case referral between Cambodia and Thailand", "2021-09"),
    act("C203", OTHER, "Production of a training video on victim-sensitive interviewing", "2021-10"),
    act("C299", OTHER, "Partner survey on capacity development", "2021-11"),
]

ACTIVITIES[(2021, "ID")] = [
    act("I299", CD, "Capacity development assessment workshop for LPSK officers (counter-trafficking and counter-terrorism), with AIPJ2", "2021-11-16+1", F(10, 12)),
    act("I202", CD, "Workshop on victim rights and GESI in the new national action plan to counter trafficking", "2021-09-07+1", F(34, 16)),
    act("I299", MEETING, "Expert roundtable on the non-punishment principle, co-hosted by LPSK", "2021-06", W(10)),
    act("I202", MEETING, "Consultation on Indonesia's new national action plan to counter trafficking", "2021-08", W(12)),
    act("I204", MEETING, "Inception meeting on the analysis of TIP court decisions 2019–2021, with AIPJ2", "2021-10", W(8)),
    act("I202", OTHER, "Translation and printing of 150 copies of the evaluation report of the National Plan of Action 2015–2019", "2021-05"),
    act("I204", OTHER, "Analysis of TIP court decisions 2019–2021 with AIPJ2 and a civil society partner", "2021-11"),
]

ACTIVITIES[(2021, "LA")] = [
    act("L204", CD, "Workshop on victim-sensitive court principles and indicators for judges and court officials", "2021-02-16", F(7, 22)),
    act("L204", CD, "Consultation drafting workshop on victim-sensitive court guidelines", "2021-08-17+2", W(12)),
    act("L204", CD, "Second consultation drafting workshop on victim-sensitive court guidelines", "2021-11-10+2", W(12)),
    act("L204", CD, "Electronic evidence procedures workshop for judges", "2021-06", F(5, 16)),
    act("L201", CD, "Training-of-trainers on investigation of TIP cases", "2021-03", F(2, 15)),
    act("L201", CD, "Consultation workshop: how law enforcement agencies share information in TIP cases", "2021-05", W(9)),
    *series("L201", CD, "Provincial training on investigation of TIP cases – {}", ["Luang Namtha", "Savannakhet", "Champasak"],
            when=["2021-07", "2021-09", "2021-12"], part=W(8)),
    act("L206", CD, "LWU workshop on victim support and protection for service providers", "2021-09-21+1", F(15, 3)),
    act("L206", CD, "Training-of-trainers on guidelines for protection, assistance and referral of TIP victims", "2021-11-23+2", F(24, 4)),
    act("L207", CD, "Training-of-trainers course on developing and conducting TIP training for prosecutors (OSPP and PPTI)", "2021-04", F(11, 19)),
    act("L207", CD, "Workshop to develop a permanent TIP training program for prosecutors", "2021-10", W(8)),
    act("L207", CD, "Workshop on TIP case management for provincial prosecutors", "2021-12", W(8)),
    *series("L299", CD, "Capacity development assessment workshop – {}", ["judiciary and prosecutors", "police", "welfare and social services"],
            when=["2021-01", "2021-02", "2021-03"], part=W(7)),
    act("L299", MEETING, "National Program Steering Committee meeting", "2021-12", W(12)),
    act("L206", MEETING, "Coordination meeting with provincial LWU branches and Sengsavang Shelter", "2021-08", W(10)),
    act("L201", MEETING, "Technical meeting on the AHTD training plan", "2021-02", W(8)),
    act("L206", OTHER, "Guidelines for protecting, assisting and referring TIP victims: 5,000 copies printed", "2021-10"),
    act("L204", OTHER, "Follow-up survey of judges who attended the victim-sensitive court workshops", "2021-11"),
    act("L204", OTHER, "Drafting of victim-sensitive court guidelines by the People's Supreme Court working group", "2021-03"),
    act("L299", OTHER, "Translation of ACTIP training materials into Lao", "2021-05"),
    act("L201", OTHER, "Launch of the AHTD trainer's manual on TIP investigation", "2021-12", W(8)),
    act("L299", OTHER, "Annual review and reflection session with national partners", "2021-12", W(8)),
    act("L207", OTHER, "Development of the prosecutor training curriculum", "2021-07"),
    act("L206", OTHER, "Dissemination session on victim protection guidelines – Vientiane Capital", "2021-12", W(8)),
]

ACTIVITIES[(2021, "MM")] = [
    act(MM_NO_PROJECT, MEETING, "National program planning meeting for 2021", "2021-01-19", F(4, 2)),
    act(MM_NO_PROJECT, MEETING, "Consultation with justice agencies on the 2021 work plan", "2021-01-27", F(3, 2)),
]

ACTIVITIES[(2021, "PH")] = [
    *series("P202", CD, "Blended e-learning basic TIP course for prosecutors – batch {}", ["1", "2", "3"],
            when=["2021-06", "2021-08", "2021-10"], part=[F(18, 9), F(18, 10), F(17, 9)]),
    act("P203", CD, "Training on digital communications for the NBI Anti-Human Trafficking Division and the IACAT", "2021-12-14+1", F(9, 15)),
    act("P203", CD, "NBI validation workshop on the draft basic and advanced program of instructions for the anti-trafficking course", "2021-09", W(9)),
    *series("P203", CD, "NBI anti-trafficking investigation course – {}", ["basic", "advanced"], when=["2021-10", "2021-11"], part=W(10)),
    *series("P201", CD, "Training of LGU officials on the anti-trafficking ordinance writing guidebook – {}",
            ["Region III", "Region VII", "Region X", "CARAGA"], when=["2021-04", "2021-06", "2021-08", "2021-10"], part=W(11)),
    *series("P201", CD, "Anti-trafficking roadshow training for Local Committees on Anti-Trafficking and VAWC – {}",
            ["Cebu", "Davao", "Iloilo"], when=["2021-09", "2021-10", "2021-11"], part=W(12)),
    *series("P202", CD, "Victim-sensitive prosecution training for prosecutors – {}", ["National Capital Region", "Visayas"],
            when=["2021-03", "2021-05"], part=W(10)),
    act("P202", CD, "Training-of-trainers for NPS trainer-prosecutors on adult learning", "2021-04", W(6)),
    *series("P204", CD, "Orientation on victim-sensitive courts for judges and court personnel – {}", ["Luzon", "Visayas", "Mindanao"],
            when=["2021-07", "2021-09", "2021-11"], part=W(11)),
    act("P204", CD, "Workshop on TIP indicators and data collection principles with the Supreme Court Technical Working Group", "2021-05", W(8)),
    *series("P206", CD, "Training for PNP Women and Children Protection Center officers on transnational investigative cooperation – batch {}",
            ["1", "2"], when=["2021-06", "2021-11"], part=W(10)),
    *series("P209", CD, "PNP course on victim-centred investigation – batch {}", ["1", "2", "3"],
            when=["2021-05", "2021-08", "2021-10"], part=W(11)),
    *series("P299", CD, "Workshop to develop e-learning course materials on recovery and reintegration of TIP victims – {}",
            ["part 1", "part 2"], when=["2021-09", "2021-10"], part=W(9)),
    act("P299", CD, "Capacity development assessment workshop with justice and welfare agencies", "2021-02", W(10)),
    act("P305", CD, "Training on anti-trafficking safeguards in government procurement for procurement officers", "2021-11", W(9)),
    act("P299", CD, "Policy engagement planning workshop using problem-driven iterative adaptation (PDIA)", "2021-11-08+2", W(9)),
    act("P201", CD, "Training of DILG regional focal persons on the LCAT-VAWC operations manual", "2021-12", W(10)),
    *series("P201", MEETING, "DILG technical working group meeting on anti-trafficking knowledge products – session {}",
            ["1", "2", "3", "4", "5", "6"], part=W(8)),
    *series("P201", MEETING, "Consultation with LGUs on the ordinance writing guidebook – {}",
            ["Region I", "Region III", "Region VI", "Region VII", "Region XI"], part=W(10)),
    *series("P202", MEETING, "DOJ victim-sensitive courts focus group discussion on TIP cases – {}",
            ["National Capital Region", "Visayas", "Mindanao"], when=["2021-05", "2021-07", "2021-09"], part=W(9)),
    *series("P202", MEETING, "Justice system coordination mechanism meeting (OCA and IACAT) – {}", ["Q1", "Q2", "Q3", "Q4"],
            when=["2021-03", "2021-05", "2021-08", "2021-11"], part=W(7)),
    *series("P202", MEETING, "NPS course planning meeting on the blended e-learning course – session {}", ["1", "2", "3"], part=W(5)),
    *series("P203", MEETING, "NBI curriculum review meeting – session {}", ["1", "2", "3", "4"], part=W(5)),
    *series("P204", MEETING, "Meeting of the Supreme Court Technical Working Group on victim-sensitive courts – session {}",
            ["1", "2", "3", "4"], part=W(7)),
    act("P204", MEETING, "IACAT roundtable discussion on the TIP dataset, indicators and data collection principles", "2021-10", N(77)),
    *series("P206", MEETING, "PNP liaison meeting with foreign police on transnational TIP cases – session {}", ["1", "2", "3"], part=W(6)),
    *series("P209", MEETING, "PNP training needs consultation – {}", ["Luzon", "Visayas", "Mindanao"], part=W(8)),
    *series("P299", MEETING, "National Program Steering Committee meeting – {}", ["first semester", "second semester"],
            when=["2021-06", "2021-12"], part=W(12)),
    *series("P299", MEETING, "Partner coordination meeting – {}", ["Q1", "Q2", "Q3", "Q4"],
            when=["2021-03", "2021-06", "2021-09", "2021-12"], part=W(8)),
    act("P299", MEETING, "Introductory policy engagement planning consultation", "2021-07", W(9)),
    *series("P299", MEETING, "Cross-agency meeting on recovery and reintegration of TIP victims (DSWD, IACAT, DOJ, IJM) – session {}",
            ["1", "2", "3", "4"], part=W(8)),
    act("P305", MEETING, "IACAT introductory meeting with the Government Procurement Policy Board", "2021-06", W(6)),
    *series("P305", MEETING, "Roundtable discussion with the DOJ on anti-trafficking policy in procurement – {}", ["first", "second"],
            when=["2021-07", "2021-10"], part=W(7)),
    *series("P305", MEETING, "IACAT planning meeting on the review of the Third National Strategic Plan of Action – session {}",
            ["1", "2", "3"], when=["2021-08", "2021-10", "2021-12"], part=W(6)),
    *series("P201", MEETING, "LCAT-VAWC operations manual validation meeting – {}", ["Luzon", "Visayas", "Mindanao", "BARMM"], part=W(9)),
    *series("P202", MEETING, "Case conference on victim-witness support in TIP prosecutions – session {}", ["1", "2", "3", "4"], part=W(6)),
    *series("P203", MEETING, "Coordination meeting of the NBI Anti-Human Trafficking Division and the IACAT – {}", ["first semester", "second semester"], part=W(6)),
    *series("P204", MEETING, "Meeting with PHILJA on victim-sensitive court modules – session {}", ["1", "2", "3"], part=W(5)),
    act("P201", OTHER, "Launch of three DILG knowledge products for local government units", "2021-11", W(10)),
    act("P201", OTHER, "Printing of the anti-trafficking roadshow materials", "2021-07"),
    act("P201", OTHER, "Printing of the ordinance writing guidebook", "2021-08"),
    act("P202", OTHER, "Conversion of the basic TIP course for prosecutors into e-learning format", "2021-03"),
    act("P203", OTHER, "Drafting of the basic and advanced program of instructions for the anti-trafficking course", "2021-06"),
    act("P299", OTHER, "Government and non-government partners look back on ASEAN-ACT's progress", "2021-12", W(10)),
    act("P299", OTHER, "Engagement of a consultant to support the IACAT review of the national strategic plan", "2021-12"),
    act("P305", OTHER, "Scoping note on TIP risks in government supply chains", "2021-04"),
    act("P204", OTHER, "Design of a victim-sensitive court indicators dashboard", "2021-08"),
    act("P209", OTHER, "Production of PNP training videos on victim-centred investigation", "2021-09"),
    act("P202", OTHER, "Signing of the memorandum of agreement on the justice system coordination mechanism", "2021-05", W(6)),
]

ACTIVITIES[(2021, "TH")] = [
    act("T201", CD, "UNODC training for judges – Udon Thani", "2021-03-18+1", F(4, 15)),
    act("T201", CD, "UNODC training for judges – Hat Yai", "2021-03-25+1", F(5, 22)),
    act("T201", CD, "UNODC training for judges – Krabi", "2021-04-08+1", F(6, 17)),
    *series("T202", CD, "DTIPL basic course in prosecuting TIP for assistant provincial public prosecutors – batch {}",
            ["1", "2", "3"], when=["2021-06", "2021-08", "2021-10"], part=W(12)),
    act("T202", CD, "DTIPL workshop on prosecutors' roles in TIP cases and coordination with police", "2021-12-07+1", W(10)),
    act("T203", CD, "Training for RTP and DSI investigators on transnational investigative cooperation", "2021-09", W(10)),
    *series("T208", CD, "MSDHS training for multidisciplinary teams on victim identification and screening – {}",
            ["Bangkok", "Chiang Mai", "Songkhla"], when=["2021-05", "2021-07", "2021-11"], part=W(11)),
    act("T299", CD, "Workshop on the Child-Centric Approach Guidelines for the TICAC Task Force", "2021-10", W(9)),
    act("T206", CD, "Workshop on a Centre of Excellence for counter-trafficking capacity", "2021-08", W(8)),
    act("T201", MEETING, "Presentation of victim-sensitive court concepts and indicators to the Office of the Judiciary", "2021-06", W(10)),
    *series("T201", MEETING, "Meeting with UNODC on the judges' training curriculum – session {}", ["1", "2", "3"], part=W(5)),
    *series("T202", MEETING, "DTIPL coordination meeting – {}", ["Q1", "Q2", "Q3", "Q4"], when=["2021-02", "2021-05", "2021-08", "2021-11"], part=W(6)),
    act("T203", MEETING, "Introductory meeting between DSI and the Cambodian National Police on transnational investigative cooperation", "2021-08-12", W(6), guests=["KH"]),
    act("T203", MEETING, "Introductory meeting between the RTP and the Cambodian National Police on transnational investigative cooperation", "2021-11-18", W(6), guests=["KH"]),
    *series("T203", MEETING, "RTP–DSI technical meeting on transnational case handling – session {}", ["1", "2", "3"], part=W(5)),
    *series("T206", MEETING, "Presentation of the Centre of Excellence concept note to the national subcommittee on {}",
            ["prosecution and law enforcement", "protection and assistance"], when=["2021-09", "2021-10"], part=W(8)),
    act("T206", MEETING, "Presentation to the National Coordinating and Monitoring of Anti-Trafficking in Persons Performance Committee", "2021-11", W(9)),
    *series("T206", MEETING, "Cross-agency working group meeting on CTIP cooperation – session {}", ["1", "2", "3", "4"], part=W(6)),
    *series("T208", MEETING, "National working group on the recovery and reflection period – session {}", ["1", "2", "3", "4"],
            when=["2021-03", "2021-06", "2021-09", "2021-11"], part=W(7)),
    *series("T208", MEETING, "MSDHS–OAG meeting on the roadmap to pilot a longer recovery and reflection period – session {}",
            ["1", "2", "3"], when=["2021-11", "2021-12", "2021-12"], part=W(5)),
    *series("T299", MEETING, "National Program Steering Committee meeting – {}", ["first semester", "second semester"],
            when=["2021-06", "2021-12"], part=W(10)),
    *series("T299", MEETING, "Partner coordination meeting – {}", ["Q1", "Q2", "Q3", "Q4"],
            when=["2021-03", "2021-06", "2021-09", "2021-12"], part=W(6)),
    *series("T299", MEETING, "TICAC Task Force consultation on the Child-Centric Approach Guidelines – session {}", ["1", "2"], part=W(6)),
    *series("T208", MEETING, "Meeting on shelter practice with government and NGO shelters – {}", ["Bangkok", "Chiang Mai", "Songkhla"], part=W(6)),
    act("T299", OTHER, "Printing of 5,000 copies of the Child-Centric Approach Guidelines (bilingual)", "2021-09"),
    act("T299", OTHER, "Distribution of the Child-Centric Approach Guidelines to RTP units", "2021-10"),
    act("T208", OTHER, "Study on the recovery and reflection period for TIP victims", "2021-08"),
    act("T201", OTHER, "Translation of victim-sensitive court indicators into Thai", "2021-04"),
    act("T201", OTHER, "Revision of the seven-module training curriculum for judges", "2021-07"),
    act("T206", OTHER, "Concept note on a Centre of Excellence to develop CTIP capacity", "2021-07"),
    act("T202", OTHER, "Development of DTIPL training materials on TIP prosecution", "2021-05"),
    act("T299", OTHER, "Annual review and reflection workshop with national partners", "2021-12", W(10)),
    act("T203", OTHER, "Documentation of lessons from police-to-police cooperation", "2021-06"),
    *series("T208", OTHER, "Field monitoring visit to government shelters – {}", ["Bangkok", "Chiang Mai", "Songkhla"],
            when=["2021-03", "2021-07", "2021-11"], part=W(5)),
    act("T299", OTHER, "Partner survey on capacity development", "2021-11"),
    act("T202", OTHER, "Video recording of prosecution training sessions", "2021-08"),
    act("T206", OTHER, "Mapping of CTIP training institutions", "2021-05"),
    act("T203", OTHER, "Interpretation services for transnational cooperation meetings", "2021-11"),
    act("T208", OTHER, "Printing of victim screening forms", "2021-04"),
    act("T201", OTHER, "Consultation visit to the Human Trafficking Division of the Court of Appeal", "2021-02", W(6)),
    act("T299", OTHER, "Media kit on ASEAN-ACT support in Thailand", "2021-10"),
    act("T206", OTHER, "Translation of the ACTIP commentary into Thai", "2021-09"),
    act("T202", OTHER, "Set-up of an online learning platform for prosecutors", "2021-12"),
]

ACTIVITIES[(2021, "VN")] = [
    act("V201", CD, "Workshop: better identification and verification of trafficking victims", "2021-01-21+1", F(22, 25)),
    act("V201", CD, "Workshop: more effective international cooperation in TIP cases", "2021-04-13+1", F(5, 44)),
    act("V203", CD, "Workshop for judges on victim-sensitive courts and the victim-centred approach", "2021-09-23+1", F(18, 20)),
    act("V203", CD, "Workshop on victim-sensitive court principles, with a justice of Thailand's Court of Appeal", "2021-04-27+1", W(10)),
    *series("V206", CD, "VWU training for victim support frontline officers – batch {}", ["1", "2", "3"],
            when=["2021-06", "2021-10", "2021-12"], part=[F(37, 6), F(37, 5), F(36, 6)]),
    act("V205", CD, "Training-of-trainers for CTIP officials on participatory training methods", "2021-07", N(24)),
    act("V201", CD, "Master training course for lecturers of four police training institutions", "2021-11", N(12)),
    act("V201", CD, "People's Police Academy training on TIP investigation", "2021-10", W(10)),
    *series("V202", CD, "Training for judges and court staff on the new TIP training materials – {}", ["northern region", "southern region"],
            when=["2021-11", "2021-12"], part=W(10)),
    act("V204", CD, "SPP training on victim-centred prosecution of TIP cases", "2021-08", W(10)),
    act("V204", CD, "Writeshop to develop guidance on mutual legal assistance in TIP cases", "2021-06", W(8)),
    *series("V299", CD, "MOLISA training of labour sector staff in victim-centred, trauma-informed approaches – {}",
            ["Hanoi", "Ho Chi Minh City"], when=["2021-05", "2021-11"], part=W(10)),
    *series("V205", MEETING, "Consultation on implementing the National Plan of Action 2021–2025 – {}", ["central agencies", "provinces"], part=W(10)),
    *series("V202", MEETING, "Meeting to review TIP training materials for judges – session {}", ["1", "2"], part=W(8)),
    *series("V206", MEETING, "Coordination meeting with the Vietnam Women's Union – {}", ["first semester", "second semester"], part=W(8)),
    act("V299", MEETING, "National Program Steering Committee meeting", "2021-12", W(12)),
    *series("V299", MEETING, "Partner coordination meeting – {}", ["Q1", "Q2", "Q3"], when=["2021-03", "2021-06", "2021-09"], part=W(8)),
    *series("V201", MEETING, "MPS planning meeting on victim identification training – session {}", ["1", "2"], part=W(8)),
    *series("V204", MEETING, "SPP working group meeting on mutual legal assistance guidance – session {}", ["1", "2"], part=W(6)),
    *series("V206", MEETING, "Provincial interagency meeting on victim support – {}", ["Lao Cai", "An Giang"], part=W(9)),
    act("V299", OTHER, "Launch of the second Trafficking in Persons Journal by the Hanoi Procuratorate University", "2021-07-30", W(10)),
    act("V299", OTHER, "Printing of 2,500 copies of the second Trafficking in Persons Journal", "2021-07"),
    act("V299", OTHER, "Follow-up survey of readers of the first Trafficking in Persons Journal", "2021-05"),
    act("V202", OTHER, "Finalisation of TIP training materials for judges and court staff", "2021-09"),
    act("V201", OTHER, "Development of a training-of-trainers module on TIP for law enforcement", "2021-08"),
]

ACTIVITIES[(2021, "ASEAN")] = [
    *series("A199", CD, "Webinar on justice system adaptive responses – {}",
            ["victim identification during COVID-19", "online exploitation and digital evidence",
             "protecting victim-witnesses in remote court hearings", "labour exploitation of migrant workers in the pandemic",
             "gender-sensitive and trauma-informed responses"],
            when=["2021-03-25", "2021-05-27", "2021-07-29", "2021-09-30", "2021-11-25"], part=W(20), mode="online"),
    act("A104", CD, "AICHR capacity-building event: community policing for identifying victims and preventing TIP", "2021-08-24+1", F(76, 45)),
    act("A104", CD, "AICHR training for frontline responders: rights-based, gender-sensitive and child-friendly approaches", "2021-11-16+1", F(95, 47)),
    act("A103", CD, "Regional workshop on freedom of movement of TIP victims and shelter practices", "2021-04-20+1", W(6)),
    act("R101", CD, "Regional validation workshop on the study of the non-punishment principle in ASEAN", "2021-12-09+1", F(35, 28)),
    act("R304", CD, "Regional workshop on victim- and gender-sensitive approaches for frontline CTIP responders", "2021-10-05+1", F(28, 14)),
    act("A102", MEETING, "SOMTC consultation workshop on the ASEAN-ACT Work Plan 2020–2023", "2021-04-20", W(14)),
    act("A102", MEETING, "21st SOMTC and related meetings – session on ASEAN-ACT multi-year projects", "2021-07", W(12)),
    *series("A102", MEETING, "SOMTC Working Group on Trafficking in Persons meeting – {}", ["first semester", "second semester"],
            when=["2021-05", "2021-10"], part=W(10)),
    *series("A102", MEETING, "Lead Shepherd coordination meeting – {}", ["Q1", "Q2", "Q3", "Q4"],
            when=["2021-02", "2021-05", "2021-08", "2021-11"], part=W(4)),
    act("A101", MEETING, "Inception meeting on the review of the Bohol TIP Work Plan 2017–2020", "2021-06", W(8)),
    *series("A101", MEETING, "Bohol TIP Work Plan review – consultation with {}",
            ["SOMTC", "ACWC", "AICHR", "SOMSWD", "SLOM and SOMHD"], part=W(5)),
    act("A101", MEETING, "Meeting to discuss the draft findings of the Bohol TIP Work Plan review", "2021-12", W(10)),
    *series("A103", MEETING, "ACTIP implementation support meeting – {}", ["victim identification", "mutual legal assistance", "data and reporting"], part=W(6)),
    *series("A104", MEETING, "Consultation meeting with AICHR on capacity-building events – session {}", ["1", "2", "3", "4"],
            when=["2021-06", "2021-07", "2021-09", "2021-10"], part=W(5)),
    *series("A104", MEETING, "ASEAN sectoral bodies coordination meeting – {}", ["first semester", "second semester"], part=W(7)),
    act("A199", MEETING, "Third Regional Program Steering Committee meeting", "2021-12-07", W(14)),
    *series("A199", MEETING, "Webinar series planning meeting with speakers – session {}", ["1", "2", "3"], part=W(4)),
    act("A199", MEETING, "Consultation with users of the ASEAN-ACT knowledge portal", "2021-08", W(6)),
    act("A208", MEETING, "Introductory online meeting between the Royal Thai Police and the Royal Malaysia Police", "2021-03-17", W(6)),
    *series("A208", MEETING, "Regional meeting on transnational investigative cooperation – session {}", ["1", "2", "3"], part=W(8)),
    act("R101", MEETING, "ACWC regional meeting confirming the multi-year project with ASEAN-ACT", "2021-03", W(8)),
    act("R101", MEETING, "Kick-off meeting of the ACWC multi-year project", "2021-06", W(8)),
    act("R101", MEETING, "National consultation workshop on the regional 'do no harm' guide – Cambodia", "2021-10-12", N(26), draw=["KH"]),
    act("R101", MEETING, "National consultation workshop on the regional 'do no harm' guide – Lao PDR", "2021-10-19", N(22), draw=["LA"]),
    act("R101", MEETING, "National consultation workshop on the regional 'do no harm' guide – Indonesia", "2021-10-21", F(35, 11), draw=["ID"]),
    act("R101", MEETING, "National consultation workshop on the regional 'do no harm' guide – Philippines", "2021-11-09", N(34), draw=["PH"]),
    act("R101", MEETING, "National consultation workshop on the regional 'do no harm' guide – Thailand", "2021-11-23", N(28), draw=["TH"]),
    act("R101", MEETING, "National consultation workshop on the regional 'do no harm' guide – Vietnam", "2021-12-02", N(30), draw=["VN"]),
    act("R101", MEETING, "Roundtable discussion on the non-punishment principle – Cambodia", "2021-05", N(12), draw=["KH"]),
    act("R101", MEETING, "Roundtable discussion on the non-punishment principle – Philippines", "2021-05", N(14), draw=["PH"]),
    act("R101", MEETING, "Roundtable discussion on the non-punishment principle – Thailand", "2021-06", N(12), draw=["TH"]),
    *series("R206", MEETING, "Working group on victim rights and GESI adaptive responses – session {}", ["1", "2", "3"], part=W(5)),
    *series("R304", MEETING, "ACWC consultation on victim- and gender-sensitive training materials – session {}", ["1", "2"],
            when=["2021-08", "2021-09"], part=W(6)),
    act("R304", MEETING, "Meeting with the consultants developing the 'do no harm' guide", "2021-09", W(4)),
    act("A199", OTHER, "Study on the implementation of the non-punishment principle in ASEAN member states", "2021-03"),
    act("A199", OTHER, "Publication of the information note on freedom of movement of TIP victims", "2021-02"),
    act("A199", OTHER, "Knowledge portal content update", "2021-06"),
    act("A101", OTHER, "Review of the Bohol TIP Work Plan 2017–2020 (consultancy)", "2021-09"),
    act("R101", OTHER, "Engagement of consultants for training materials and the 'do no harm' guide", "2021-09"),
    act("A199", OTHER, "Technical input to Malaysia's National Action Plan on Anti-Trafficking in Persons 2021–2025", "2021-02"),
    act("A199", OTHER, "Annual survey of ASEAN-ACT partners", "2021-11"),
    act("A199", OTHER, "Follow-up survey of webinar participants", "2021-05"),
    act("A199", OTHER, "Initiation workshop for the applied political economy analysis, with ODI", "2021-08", W(8)),
    act("R304", OTHER, "GESI review of regional training materials", "2021-10"),
    act(None, STAFF, "All-staff planning retreat (online)", "2021-01-26+1", "staff", mode="online"),
    act(None, STAFF, "Staff training on GESI and disability inclusion", "2021-03", "staff", mode="online"),
    act(None, STAFF, "Staff training on safeguarding and child protection", "2021-04", "staff", mode="online"),
    act(None, STAFF, "Monitoring, evaluation and learning team workshop", "2021-05", "staff", mode="online"),
    act(None, STAFF, "Staff wellbeing session", "2021-06", "staff", mode="online"),
    act(None, STAFF, "Mid-year reflection with DFAT", "2021-07", "staff", mode="hybrid"),
    act(None, STAFF, "Induction of new staff", "2021-08", "staff", mode="online"),
    act(None, STAFF, "Staff training on fraud control and anti-corruption", "2021-10", "staff", mode="online"),
    act(None, STAFF, "Annual planning workshop for 2022", "2021-12-01+2", "staff", mode="hybrid"),
]

# 2020: 29 capacity development events (Table 2) plus a few meetings and other.
ACTIVITIES[(2020, "KH")] = [
    act("C299", CD, "Training on victim identification for NCCT provincial secretariats", "2020-11", N(30)),
    act("C204", CD, "Workshop on the training needs of prosecutors in TIP cases", "2020-12", N(26)),
    act("C299", MEETING, "Inception meeting of the National Program Steering Committee", "2020-02", N(18)),
    act("C205", MEETING, "Consultation with the Judiciary on court capacity development", "2020-09", N(12)),
]
ACTIVITIES[(2020, "ID")] = [
    act("I299", MEETING, "Scoping consultation with Indonesian justice agencies", "2020-10", N(14)),
]
ACTIVITIES[(2020, "LA")] = [
    act("L204", CD, "Consultation workshop with judges on victim sensitivity in the courtroom", "2020-10", N(24)),
    act("L299", MEETING, "Inception meeting of the National Program Steering Committee", "2020-02", N(16)),
    act("L201", MEETING, "Planning meeting with the Anti-Human Trafficking Department", "2020-08", N(9)),
]
ACTIVITIES[(2020, "PH")] = [
    *series("P201", CD, "DILG training on the functionality of Local Committees on Anti-Trafficking and VAWC – {}", ["Region III", "Region VII"],
            when=["2020-02", "2020-10"], part=[N(42), N(38)]),
    act("P202", CD, "Training for prosecutors on TIP case build-up", "2020-03-03+2", N(32)),
    act("P203", CD, "NBI refresher course on anti-trafficking investigation", "2020-11", N(28)),
    act("P299", CD, "Capacity development assessment workshop with justice and welfare agencies", "2020-09", N(45)),
    act("P299", MEETING, "National Program Steering Committee meeting", "2020-12", N(15)),
    act("P204", MEETING, "Consultation with the Supreme Court on victim-centred courts", "2020-08", N(10)),
    act("P305", MEETING, "IACAT consultation on CTIP in government supply chains", "2020-11", N(12)),
]
ACTIVITIES[(2020, "TH")] = [
    act("T201", CD, "UNODC training for judges using the new curriculum – Chiang Rai", "2020-12-14+1", N(22)),
    *series("T202", CD, "DTIPL training on TIP prosecution – batch {}", ["1", "2"], when=["2020-02", "2020-11"], part=[N(45), N(40)]),
    *series("T208", CD, "MSDHS training for multidisciplinary teams on victim screening – {}", ["Bangkok", "Songkhla"],
            when=["2020-09", "2020-11"], part=[N(30), N(35)]),
    act("T203", CD, "RTP training on transnational investigative cooperation", "2020-02", N(28)),
    *series("T299", CD, "Capacity development assessment workshop – {}", ["justice agencies", "welfare agencies", "labour sector"],
            when=["2020-07", "2020-08", "2020-09"], part=[N(30), N(26), N(24)]),
    act("T299", MEETING, "National Program Steering Committee meeting", "2020-12", N(14)),
    act("T201", MEETING, "Curriculum development meeting with UNODC", "2020-06", N(8)),
    act("T206", MEETING, "Scoping meeting on cross-agency CTIP cooperation", "2020-10", N(10)),
]
ACTIVITIES[(2020, "VN")] = [
    *series("V201", CD, "Training on victim identification for border guards and police – {}", ["Lao Cai", "Quang Ninh"],
            when=["2020-07", "2020-10"], part=[N(40), N(35)]),
    act("V202", CD, "Training for judges on adjudicating TIP cases", "2020-11", N(32)),
    act("V205", CD, "Workshop on the review of the National Plan of Action 2016–2020", "2020-08", N(50)),
    act("V205", CD, "Consultation workshop on victim rights and GESI in the new National Plan of Action", "2020-10", N(45)),
    *series("V299", CD, "Capacity development assessment workshop – {}", ["justice agencies", "welfare agencies"],
            when=["2020-06", "2020-07"], part=[N(30), N(28)]),
    act("V299", MEETING, "National Program Steering Committee meeting", "2020-12", N(15)),
    act("V206", MEETING, "Scoping meeting with the Vietnam Women's Union", "2020-09", N(9)),
    act("V299", OTHER, "Printing of the first Trafficking in Persons Journal (Hanoi Procuratorate University)", "2020-07"),
]
ACTIVITIES[(2020, "ASEAN")] = [
    *series("A199", CD, "Webinar on justice system adaptive responses to COVID-19 – {}",
            ["victim identification and referral", "remote hearings and victim-witness protection", "shelter practices",
             "cross-border cooperation", "labour exploitation"],
            when=["2020-07-30", "2020-08-27", "2020-09-24", "2020-10-29", "2020-12-03"],
            part=[N(120), N(160), N(190), N(210), N(240)], mode="online"),
    act("A102", MEETING, "SOMTC Working Group on Trafficking in Persons meeting", "2020-10", N(20)),
    act("A101", MEETING, "Consultation on the review of the Bohol TIP Work Plan", "2020-11", N(12)),
    act("A199", MEETING, "Second Regional Program Steering Committee meeting", "2020-12", N(24)),
    act("R206", MEETING, "Inception meeting on victim rights and GESI adaptive responses", "2020-09", N(10)),
    act("A199", OTHER, "Information note on freedom of movement of TIP victims", "2020-11"),
]

# 2019: 16 capacity development events (Table 2) and the inception meetings.
ACTIVITIES[(2019, "MY")] = [
    act("A103", CD, "Workshop on ACTIP implementation for Malaysian justice agencies", "2019-11"),
]
ACTIVITIES[(2019, "KH")] = [act("C299", MEETING, "Program inception meeting with the NCCT", "2019-10")]
ACTIVITIES[(2019, "LA")] = [act("L299", MEETING, "Program inception meeting with the National Committee on Anti-Trafficking in Persons", "2019-11")]
ACTIVITIES[(2019, "PH")] = [
    *series("P201", CD, "DILG training on LCAT-VAWC – {}", ["Region I", "Region VI"], when=["2019-09", "2019-11"]),
    *series("P202", CD, "Basic TIP course for prosecutors – {}", ["Luzon", "Visayas"], when=["2019-10", "2019-11"]),
    act("P203", CD, "NBI anti-trafficking investigation course", "2019-12"),
    act("P299", CD, "Capacity development assessment workshop with justice agencies", "2019-08"),
    act("P299", MEETING, "Program inception meeting with the IACAT", "2019-07"),
]
ACTIVITIES[(2019, "TH")] = [
    act("T201", CD, "Workshop for judges on victim-sensitive court practices", "2019-11"),
    act("T202", CD, "DTIPL training on TIP prosecution", "2019-09"),
    *series("T299", CD, "Capacity development assessment workshop – {}", ["justice agencies", "welfare agencies"], when=["2019-08", "2019-10"]),
    act("T299", MEETING, "Program inception meeting with national partners", "2019-07"),
]
ACTIVITIES[(2019, "VN")] = [
    act("V201", CD, "Training on victim identification for police", "2019-11"),
    act("V202", CD, "Training for judges on TIP cases", "2019-12"),
    *series("V299", CD, "Capacity development assessment workshop – {}", ["MPS", "SPC and SPP", "MOLISA and VWU"],
            when=["2019-08", "2019-09", "2019-10"]),
    act("V299", MEETING, "Program inception meeting with national partners", "2019-07"),
]
ACTIVITIES[(2019, "ASEAN")] = [
    act("A102", MEETING, "19th SOMTC and related meetings – endorsement of the ASEAN-ACT program", "2019-07"),
    act("A199", MEETING, "First Regional Program Steering Committee meeting", "2019-12"),
]

# ------------------------------------------------------------- organisations
# Where a participant works: by the project of their first activity, else by country.
PROJECT_ORGS = {
    "C202": ["Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police"],
    "C203": ["Cambodian National Police"],
    "C204": ["Ministry of Justice", "Provincial Prosecution Office"],
    "C205": ["Court of Appeal", "Phnom Penh Municipal Court", "Provincial Court"],
    "C299": ["Ministry of Social Affairs, Veterans and Youth Rehabilitation (MoSVY)", "National Committee for Counter Trafficking (NCCT)",
             "Provincial Department of Social Affairs, Veterans and Youth Rehabilitation", "Commune Police"],
    "I202": ["Ministry of Women Empowerment and Child Protection (MoWECP)", "Anti-Trafficking Taskforce (GT-PPTPO)"],
    "I204": ["Supreme Court of Indonesia"],
    "I299": ["Witness and Victim Protection Agency (LPSK)"],
    "L201": ["Anti-Human Trafficking Department, Ministry of Public Security"],
    "L204": ["People's Supreme Court", "Judicial Research and Training Institute", "Provincial People's Court"],
    "L206": ["Lao Women's Union", "Sengsavang Shelter"],
    "L207": ["Office of the Supreme People's Procuracy", "Public Prosecutor Training Institute"],
    "L299": ["National Committee on Anti-Trafficking in Persons", "Ministry of Labour and Social Welfare"],
    "P201": ["Department of the Interior and Local Government", "Local Government Unit"],
    "P202": ["Department of Justice – National Prosecution Service"],
    "P203": ["National Bureau of Investigation – Anti-Human Trafficking Division"],
    "P204": ["Supreme Court – Office of the Court Administrator", "Philippine Judicial Academy"],
    "P206": ["Philippine National Police – Women and Children Protection Center"],
    "P209": ["Philippine National Police"],
    "P299": ["Department of Social Welfare and Development", "Inter-Agency Council Against Trafficking", "International Justice Mission"],
    "P305": ["Inter-Agency Council Against Trafficking", "Government Procurement Policy Board"],
    "T201": ["Court of Justice", "Office of the Judiciary"],
    "T202": ["Office of the Attorney General – Department of Trafficking in Persons Litigation"],
    "T203": ["Royal Thai Police", "Department of Special Investigation"],
    "T206": ["Ministry of Justice", "Ministry of Labour"],
    "T208": ["Division of Anti-Trafficking in Persons, Ministry of Social Development and Human Security"],
    "T299": ["Royal Thai Police – TICAC Task Force", "Ministry of Social Development and Human Security"],
    "V201": ["Ministry of Public Security", "People's Police Academy", "People's Police College No. 1"],
    "V202": ["Supreme People's Court", "Vietnam Court Academy"],
    "V203": ["Supreme People's Court"],
    "V204": ["Supreme People's Procuracy", "Hanoi Procuratorate University"],
    "V205": ["Ministry of Public Security"],
    "V206": ["Vietnam Women's Union", "Peace House Shelter"],
    "V299": ["Ministry of Labour, Invalids and Social Affairs (MOLISA)", "Hanoi Procuratorate University"],
}
COUNTRY_ORGS = {
    "BN": ["Royal Brunei Police Force", "Ministry of Home Affairs", "Attorney General's Chambers", "Ministry of Culture, Youth and Sports"],
    "KH": ["Cambodian National Police", "Ministry of Justice", "National Committee for Counter Trafficking (NCCT)", "Ministry of Foreign Affairs and International Cooperation"],
    "ID": ["Indonesian National Police", "Witness and Victim Protection Agency (LPSK)", "Ministry of Women Empowerment and Child Protection (MoWECP)", "Attorney General's Office", "Ministry of Foreign Affairs"],
    "LA": ["Ministry of Public Security", "People's Supreme Court", "Lao Women's Union", "Office of the Supreme People's Procuracy"],
    "MY": ["Royal Malaysia Police", "Ministry of Home Affairs", "Attorney General's Chambers", "Department of Social Welfare"],
    "MM": ["Myanmar Police Force", "Department of Social Welfare", "Union Attorney General's Office"],
    "PH": ["Inter-Agency Council Against Trafficking", "Department of Justice", "Philippine National Police", "Department of Social Welfare and Development", "Bureau of Immigration"],
    "SG": ["Singapore Police Force", "Ministry of Manpower", "Ministry of Home Affairs", "Attorney-General's Chambers"],
    "TH": ["Royal Thai Police", "Office of the Attorney General", "Ministry of Social Development and Human Security", "Department of Special Investigation"],
    "VN": ["Ministry of Public Security", "Supreme People's Procuracy", "Supreme People's Court", "Ministry of Labour, Invalids and Social Affairs (MOLISA)"],
    "ASEAN": ["ASEAN Secretariat", "ACWC", "AICHR", "SOMTC"],
}

# --------------------------------------------------------------------- names
# Synthetic names, written in the script of the country. Script-only names
# carry a romanisation (used to build e-mail addresses).
KH_FAMILY = [("សុខ", "sok"), ("ចាន់", "chan"), ("កែវ", "keo"), ("ហេង", "heng"), ("លី", "ly"), ("ម៉ៅ", "mao"),
             ("ស៊ុន", "sun"), ("ឈិម", "chhim"), ("ប៊ុន", "bun"), ("ពេជ្រ", "pich"), ("សៀង", "sieng"), ("យឹម", "yim"),
             ("ទេព", "tep"), ("ខៀវ", "khiev"), ("អ៊ុំ", "um"), ("នួន", "nuon"), ("ម៉ម", "mom"), ("ព្រហ្ម", "prum"),
             ("ឡុង", "long"), ("គឹម", "kim"), ("ហ៊ុយ", "huy"), ("ញឹម", "nhim"), ("ស៊ិន", "sin"), ("ជា", "chea"),
             ("ឈួន", "chhuon"), ("វង្ស", "vong"), ("ឃុន", "khun"), ("សេង", "seng"), ("ថាច់", "thach"), ("ឯក", "ek"),
             ("អ៊ុក", "ouk"), ("ពៅ", "pov"), ("សួន", "suon"), ("ម៉េង", "meng"), ("តាំង", "tang"), ("ហួត", "huot"),
             ("នៅ", "nov"), ("ស្រេង", "sreng"), ("ឡាយ", "lay"), ("ចេង", "cheng")]
KH_MALE = [("ដារ៉ា", "dara"), ("វណ្ណៈ", "vannak"), ("សុផល", "sophal"), ("ពិសិដ្ឋ", "piseth"), ("វិសាល", "visal"),
           ("សំណាង", "samnang"), ("បូរ៉ា", "bora"), ("ចំរើន", "chamroeun"), ("សុវណ្ណ", "sovann"), ("រិទ្ធី", "rithy"),
           ("កុសល", "kosal"), ("មករា", "makara"), ("សុខា", "sokha"), ("ធារ៉ា", "theara"), ("វាសនា", "veasna"),
           ("ចាន់ណា", "channa"), ("ឧត្តម", "oudom"), ("សម្បត្តិ", "sambath"), ("វុទ្ធី", "vuthy"), ("សារ៉ាត់", "sarath"),
           ("ភក្ដី", "pheakdey"), ("សុធី", "sothy"), ("រតនៈ", "rathanak"), ("ណារិន", "narin"), ("ប៊ុនធឿន", "bunthoeun"),
           ("សុជាតិ", "socheat"), ("វិចិត្រ", "vichet"), ("សុឃឿន", "sokhoeun"), ("សុវណ្ណារិទ្ធ", "sovannarith"), ("គីមហុង", "kimhong")]
KH_FEMALE = [("សុភា", "sophea"), ("ស្រីមុំ", "sreymom"), ("ចាន់ថា", "chantha"), ("ស្រីពៅ", "sreypov"), ("ធីតា", "thida"),
             ("ម៉ាលីស", "malis"), ("សុគន្ធា", "sokunthea"), ("ចាន់ធូ", "chanthou"), ("បុប្ផា", "bopha"), ("រស្មី", "rasmey"),
             ("ដាលីន", "dalin"), ("គន្ធា", "kunthea"), ("ពិសី", "pisey"), ("ស្រីនាង", "sreyneang"), ("សុខលី", "sokly"),
             ("វិច្ឆិកា", "vichika"), ("លក្ខិណា", "leakhena"), ("ស្រីលក្ខ", "sreyleak"), ("និមល", "nimol"), ("ចន្ទ្រា", "chantrea"),
             ("សុធារី", "sotheary"), ("ម៉ានី", "many"), ("ផល្លា", "phalla"), ("សុវណ្ណារី", "sovannary"), ("រចនា", "rachana"),
             ("ណារី", "nary"), ("កញ្ញា", "kanha"), ("ស្រីនិច", "sreynich"), ("ដាវី", "davy"), ("សុខុម", "sokhom")]

LA_FAMILY = [("ພົມມະຈັນ", "phommachanh"), ("ສີສຸວັນ", "sisouvanh"), ("ແກ້ວມະນີ", "keomany"), ("ວົງສະຫວັນ", "vongsavanh"),
             ("ສຸລິຍະວົງ", "souliyavong"), ("ອິນທະວົງ", "inthavong"), ("ພັນທະວົງ", "phanthavong"), ("ຈັນທະລາ", "chanthala"),
             ("ສຸວັນນະລາດ", "souvannalath"), ("ໄຊຍະວົງ", "xayavong"), ("ລາດສະວົງ", "latsavong"), ("ດວງມາລາ", "douangmala"),
             ("ມະນີວົງ", "manivong"), ("ສີລາວົງ", "silavong"), ("ພູມມະວົງ", "phoummavong"), ("ຄຳພັນ", "khamphanh"),
             ("ວັນນະສີ", "vannasy"), ("ສຸດທິວົງ", "southivong"), ("ແສງອາລຸນ", "sengaloun"), ("ທຳມະວົງ", "thammavong"),
             ("ບຸບຜາ", "bouppha"), ("ສີຫາລາດ", "sihalath"), ("ພົງສະຫວັນ", "phongsavanh"), ("ອຸດົມສຸກ", "oudomsouk"), ("ຊຸມພົນ", "xoumphonh")]
LA_MALE = [("ບຸນມີ", "bounmy"), ("ສົມພອນ", "somphone"), ("ທອງສີ", "thongsy"), ("ຄຳແສງ", "khamsaeng"), ("ບຸນທັນ", "bounthanh"),
           ("ພອນສະຫວັນ", "phonesavanh"), ("ອານຸສອນ", "anousone"), ("ສີສະຫວາດ", "sisavath"), ("ແສງທອງ", "sengthong"),
           ("ຄຳຫຼ້າ", "khamla"), ("ບົວພັນ", "bouaphanh"), ("ສົມສັກ", "somsack"), ("ວິລະພົນ", "viraphonh"), ("ໄຊສົມບັດ", "xaysombath"),
           ("ທອງລາ", "thongla"), ("ສຸກສະຫວັນ", "souksavanh"), ("ຈັນທອນ", "chanthone"), ("ບຸນເລີດ", "bounleuth"), ("ສີພອນ", "siphone"), ("ອຸດອນ", "oudone")]
LA_FEMALE = [("ມະນີວັນ", "manivanh"), ("ນາລີ", "naly"), ("ສຸດາລາ", "soudala"), ("ພອນທິບ", "phonethip"), ("ແສງດາວ", "sengdao"),
             ("ຈັນທະວີ", "chanthavy"), ("ບົວສີ", "bouasy"), ("ດາລາວັນ", "dalavanh"), ("ມາລີ", "maly"), ("ວັນນີ", "vanny"),
             ("ສຸກສະໄໝ", "souksamay"), ("ອາລຸນີ", "alouny"), ("ພູວອນ", "phouvone"), ("ແກ້ວດາວ", "keodao"), ("ນິດຕະຍາ", "nittaya"),
             ("ສົມຈິດ", "somchith"), ("ທິບພະວັນ", "thippavanh"), ("ວິໄລວັນ", "vilayvanh"), ("ລັດສະໝີ", "latsamy"), ("ຄຳປຸ່ນ", "khampoun")]

TH_FAMILY = [("ศรีสุข", "srisuk"), ("วงศ์สวัสดิ์", "wongsawat"), ("ทองดี", "thongdee"), ("แก้วมณี", "kaewmanee"), ("บุญมา", "boonma"),
             ("จันทร์เพ็ญ", "chanpen"), ("สุขสวัสดิ์", "suksawat"), ("พรหมวงศ์", "promwong"), ("ศักดิ์ดี", "sakdee"), ("อินทร์แก้ว", "inkaew"),
             ("ชัยมงคล", "chaimongkol"), ("รัตนพันธ์", "rattanaphan"), ("ปัญญาดี", "panyadee"), ("สมบูรณ์ชัย", "somboonchai"),
             ("เจริญสุข", "charoensuk"), ("ทองคำ", "thongkham"), ("นาคสุข", "naksuk"), ("มีสุข", "meesuk"), ("ศรีวงศ์", "sriwong"),
             ("แสงทอง", "saengthong"), ("บุญเรือง", "boonruang"), ("สุวรรณศรี", "suwannasri"), ("พงษ์ไพร", "phongphrai"),
             ("กิตติวงศ์", "kittiwong"), ("ธนากร", "thanakorn"), ("วิเศษสุข", "wisetsuk"), ("ประเสริฐศรี", "prasertsri"), ("อ่อนศรี", "onsri"),
             ("ใจดี", "jaidee"), ("คงเจริญ", "kongcharoen"), ("ทรัพย์มาก", "sapmak"), ("พูลสวัสดิ์", "poonsawat"), ("เพชรรัตน์", "petcharat"),
             ("ศรีทอง", "srithong"), ("บุญยืน", "boonyuen"), ("สายทอง", "saithong"), ("วงศ์ใหญ่", "wongyai"), ("มั่นคง", "mankong"),
             ("ชูชื่น", "chuchuen"), ("แสงอรุณ", "saengarun")]
TH_MALE = [("สมชาย", "somchai"), ("ประเสริฐ", "prasert"), ("วิชัย", "wichai"), ("อนุชา", "anucha"), ("ธนพล", "thanaphon"),
           ("กิตติพงษ์", "kittiphong"), ("สุรชัย", "surachai"), ("ณัฐวุฒิ", "nattawut"), ("พงศกร", "phongsakorn"), ("วีระ", "weera"),
           ("ชัยวัฒน์", "chaiwat"), ("อภิชาต", "aphichat"), ("สมศักดิ์", "somsak"), ("ศุภชัย", "supachai"), ("ธีรวัฒน์", "theerawat"),
           ("ปิยะ", "piya"), ("นพดล", "noppadon"), ("เอกชัย", "ekkachai"), ("จิรายุ", "jirayu"), ("ภานุวัฒน์", "panuwat"),
           ("วรวุฒิ", "worawut"), ("สุทธิพงษ์", "sutthiphong"), ("ชาตรี", "chatree"), ("ณรงค์", "narong"), ("ปรีชา", "preecha")]
TH_FEMALE = [("สุภาพร", "supaporn"), ("วรรณา", "wanna"), ("กาญจนา", "kanchana"), ("นภาพร", "napaporn"), ("พิมพ์ชนก", "pimchanok"),
             ("ศิริพร", "siriporn"), ("อรุณี", "arunee"), ("จันทร์จิรา", "chanjira"), ("รัตนา", "rattana"), ("มาลี", "malee"),
             ("ปวีณา", "paweena"), ("สุนิสา", "sunisa"), ("ณัฐธิดา", "natthida"), ("ชุติมา", "chutima"), ("วิไลวรรณ", "wilaiwan"),
             ("ธิดารัตน์", "thidarat"), ("อัญชลี", "anchalee"), ("พัชรี", "patcharee"), ("เบญจวรรณ", "benjawan"), ("ดารุณี", "darunee"),
             ("กมลวรรณ", "kamonwan"), ("สุดารัตน์", "sudarat"), ("นันทนา", "nantana"), ("เยาวลักษณ์", "yaowalak"), ("ปราณี", "pranee")]

VN_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Tạ"]
VN_MIDDLE = {"female": ["Thị", "Ngọc", "Thu", "Hồng", "Thanh"], "male": ["Văn", "Đức", "Minh", "Quang", "Hữu"]}
VN_MALE = ["Hùng", "Dũng", "Tuấn", "Long", "Nam", "Thắng", "Quân", "Hải", "Sơn", "Phong", "Khánh", "Trung", "Bình",
           "Cường", "Đạt", "Hiếu", "Toàn", "Vinh", "Huy", "Tùng", "Lâm", "Hoà", "Kiên", "Thịnh", "Việt"]
VN_FEMALE = ["Lan", "Hương", "Mai", "Hà", "Linh", "Thảo", "Trang", "Ngân", "Hạnh", "Phương", "Huyền", "Nhung", "Yến",
             "Loan", "Thủy", "Dung", "Vân", "Oanh", "Quyên", "Hằng", "Giang", "Nga", "Tâm", "Liên", "Diệp"]

# Burmese names have no family name: two or three syllables.
MM_FEMALE = [("အေး", "aye"), ("သန္တာ", "thandar"), ("နွယ်", "nwe"), ("ခိုင်", "khine"), ("မိုး", "moe"), ("သီတာ", "thida"),
             ("ဖြူ", "phyu"), ("ချို", "cho"), ("နီလာ", "nilar"), ("မြတ်", "myat"), ("ဇာ", "zar"), ("ယု", "yu"),
             ("ဝေ", "wai"), ("ပန်း", "pann"), ("မေ", "may"), ("မြင့်", "myint"), ("သဉ္ဇာ", "thinzar")]
MM_MALE = [("ကျော်", "kyaw"), ("ဇင်", "zin"), ("ထက်", "htet"), ("ဝင်း", "win"), ("မောင်", "maung"), ("ဇော်", "zaw"),
           ("ထွန်း", "htun"), ("နိုင်", "naing"), ("မင်း", "min"), ("သူရ", "thura"), ("ဟိန်း", "hein"), ("ရဲ", "ye"),
           ("လင်း", "lin"), ("ဖြိုး", "phyo"), ("ပိုင်", "paing"), ("မြင့်", "myint"), ("သန့်", "thant")]

PH_FEMALE = ["Maria", "Ana", "Kristine", "Rowena", "Jocelyn", "Marites", "Liza", "Cherry", "Joy", "Rachelle", "Aileen", "Grace",
             "Janine", "Michelle", "Rosario", "Teresita", "Angelica", "Camille", "Divina", "Leah", "Ma. Luisa", "Arlene", "Edna",
             "Josephine", "Kimberly"]
PH_MALE = ["Jose", "Juan", "Mark", "Ramon", "Rodel", "Jerome", "Arnel", "Ronaldo", "Edgardo", "Rogelio", "Dennis", "Jayson",
           "Paolo", "Christian", "Alvin", "Noel", "Efren", "Marvin", "Renato", "Ariel", "Joel", "Rommel", "Dante", "Gilbert", "Randy"]
PH_FAMILY = ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva", "Ramos", "Castillo", "Dela Cruz",
             "Gonzales", "Navarro", "Salazar", "Domingo", "Pascual", "Soriano", "Manalo", "Tolentino", "De Guzman", "Mercado",
             "Flores", "Ocampo", "Lim", "Tan", "Dimaculangan", "Magbanua", "Panganiban", "Macaraeg", "Agustin", "Evangelista",
             "Fernandez", "Galang", "Ilagan", "Javier", "Sarmiento", "Cabrera"]

ID_FEMALE = ["Sri", "Ratna", "Indah", "Ayu", "Wulan", "Fitri", "Nurul", "Rina", "Yuni", "Endah", "Puspita", "Kartika", "Sinta",
             "Wahyuni", "Lina", "Maya", "Dian", "Eka", "Putri", "Ani", "Retno", "Siti", "Novi", "Yulia", "Desi"]
ID_MALE = ["Agus", "Hendra", "Eko", "Rudi", "Dedi", "Arif", "Fajar", "Rizky", "Yusuf", "Andi", "Teguh", "Wahyu", "Irfan",
           "Hadi", "Bayu", "Dimas", "Gilang", "Rahmat", "Suryo", "Iwan", "Yoga", "Adi", "Fikri", "Heru", "Ilham"]
ID_FAMILY = ["Santoso", "Wibowo", "Saputra", "Hidayat", "Kurniawan", "Setiawan", "Nugroho", "Pratama", "Siregar", "Nasution",
             "Harahap", "Simanjuntak", "Lubis", "Rahman", "Purnomo", "Wijaya", "Halim", "Sitompul", "Prasetyo", "Hakim",
             "Utami", "Permana", "Maharani", "Anggraini", "Fauzi"]

MALAY_FEMALE = ["Nur Aisyah", "Siti Hajar", "Farah Nadia", "Aminah", "Zarina", "Noraini", "Rosnah", "Nur Syafiqah", "Haslinda", "Amira"]
MALAY_MALE = ["Ahmad Faizal", "Mohd Hafiz", "Muhammad Amir", "Zulkifli", "Azman", "Khairul Anuar", "Hafizuddin", "Mohd Azri", "Shahrul", "Faris"]
MALAY_FATHER = ["Ahmad", "Ismail", "Abdullah", "Hassan", "Ibrahim", "Yusof", "Osman", "Rahman", "Jaafar", "Mahmud", "Salleh", "Hamid"]
CHINESE_FAMILY = ["Tan", "Lim", "Wong", "Lee", "Ng", "Goh", "Chua", "Ong", "Teo", "Koh"]
CHINESE_FEMALE = ["Mei Ling", "Hui Min", "Siew Lan", "Li Ting", "Pei Shan", "Xin Yi", "Jia Hui", "Wen Qi"]
CHINESE_MALE = ["Wei Ming", "Jun Hao", "Kok Wai", "Zhi Hao", "Chee Keong", "Wei Jie", "Boon Huat", "Yong Sheng"]
INDIAN_FEMALE = ["Kavitha", "Priya", "Deepa", "Anitha", "Lakshmi", "Shalini"]
INDIAN_MALE = ["Suresh", "Rajesh", "Ganesh", "Kumar", "Vijay", "Arun"]
INDIAN_FATHER = ["Raman", "Muthu", "Subramaniam", "Krishnan", "Nair", "Pillai"]

EN_FEMALE = ["Emily", "Sarah", "Olivia", "Hannah", "Charlotte", "Grace", "Lucy", "Kathleen", "Megan", "Rachel", "Laura",
             "Claire", "Fiona", "Jessica", "Natalie", "Rebecca", "Sophie", "Alice", "Helen", "Amelia"]
EN_MALE = ["James", "Daniel", "Thomas", "Michael", "Andrew", "Matthew", "Benjamin", "Samuel", "Patrick", "Liam", "David",
           "Christopher", "Jonathan", "Peter", "Nathan"]
EN_FAMILY = ["O'Hara", "Carter", "Bennett", "Hughes", "Walsh", "O'Connor", "Fitzgerald", "Mitchell", "Harper", "Lawson", "Reid",
             "Sutton", "Whitfield", "Ashford", "Doyle", "Kendall", "Palmer", "Marsh", "Hayes", "Fletcher", "Barker", "Ellison",
             "Quinn", "Thornton", "Foster"]

# Programme and donor staff (excluded from every count): name, sex, country.
STAFF_MEMBERS = [
    ("Maria Teresa Villamor", "female", "PH"), ("Joseph Anthony Reyes", "male", "PH"), ("Angela Dizon", "female", "PH"),
    ("Lourdes Bernardo", "female", "PH"), ("ចាន់ សុធារី", "female", "KH"), ("ស៊ុន វិចិត្រ", "male", "KH"),
    ("ពេជ្រ ដាលីន", "female", "KH"), ("ແກ້ວມະນີ ສຸດາລາ", "female", "LA"), ("ສີລາວົງ ອານຸສອນ", "male", "LA"),
    ("ศรีวงศ์ กาญจนา", "female", "TH"), ("บุญมา วรวุฒิ", "male", "TH"), ("แสงอรุณ สุนิสา", "female", "TH"),
    ("Trần Thị Hồng Nhung", "female", "VN"), ("Phạm Đức Toàn", "male", "VN"), ("Đỗ Thu Giang", "female", "VN"),
    ("Retno Anggraini", "female", "ID"), ("Irfan Hakim", "male", "ID"), ("Novi Maharani", "female", "ID"),
    ("Rachel Lim Hui Min", "female", "SG"), ("Amira binti Hamid", "female", "MY"), ("Faris bin Salleh", "male", "MY"),
    ("Cristina Lagman", "female", "PH"), ("Ramon Ylagan", "male", "PH"), ("ហេង សុខុម", "female", "KH"),
    ("ວົງສະຫວັນ ມາລີ", "female", "LA"), ("ทองคำ ชาตรี", "male", "TH"), ("Lê Minh Khánh", "male", "VN"),
    ("Hannah Whitfield", "female", "ASEAN"), ("Liam O'Connor", "male", "ASEAN"), ("Dian Permana", "female", "ID"),
]
STAFF_ORGS = ["ASEAN-ACT", "ASEAN-ACT", "ASEAN-ACT", "Australian Mission to ASEAN"]
