# results.py - the results records of the demo data set: the achievements of the
# published 2021 annual report (seed 004_8d7c6d4c40f6c981.txt), the figures printed
# inside them, and the figures of the published edition (its five tables and its
# project lists), to be reconciled with the records by `actip check`.
#
# Every fact is recorded AS PRINTED, mistakes included; the printed
# inconsistencies kept on purpose are listed in README.md and checked for by
# demo_check.py. Called by generate.py; standard library only, deterministic.

# Achievement text is Markdown in our own words: it tells the facts of the printed
# achievement (people, women and men, dates, places, bodies, projects, figures) but
# not in the report's sentences, which are its authors' (tests/own_words.py fails
# on a run of 12 words shared with a seed). Names of bodies, plans and laws are
# written as their owners write them. A footnote giving the women and men is
# written in parentheses where the footnote mark stood.
# Outcomes: the codes printed with the achievement ("outcomes O2.1 and O2.3" ->
# O2.1;O2.3, "Outcomes 3.2 and 3.4" -> O3.2;O3.4, "EOP02 and EOP03" -> EOPO2;EOPO3,
# "immediate outcome 1.3" -> O1.3). Case stories that print no outcome carry the
# end-of-programme outcome of the part of the report they are printed in (regional
# progress EOPO1, progress by country EOPO2, inclusive public policy EOPO3).
# Project: the code printed with the achievement, else blank (one exception: the
# Vietnam TIP Journal, see below). Date: the day or month the text names (last day
# of the month when only a month is named), else 2021-12-31.

ACHIEVEMENT_HEADER = ["achievement_id", "project", "country", "partner", "date", "outcomes", "text",
                      "total", "female", "male", "other"]

# (id, project, country, partner, date, outcomes, text, total, female, male, other)
# None = blank.
_ = None

REGIONAL = [
    ("ASEAN-2021-A01", "A102", "ASEAN", _, "2021-07-31", "O1.1;O1.2;O1.3",
     "At the 21st SOMTC in July 2021, after a round of consultation in April 2021, SOMTC agreed its multi-year projects with ASEAN-ACT.",
     _, _, _, _),
    ("ASEAN-2021-A02", "A101", "ASEAN", _, "2021-12-31", "O1.1;O1.2",
     "SOMTC commissioned a review of the Bohol TIP Work Plan 2017–2020; the reviewers handed in their draft report in December 2021.",
     _, _, _, _),
    ("ASEAN-2021-A03", "A104", "ASEAN", _, "2021-08-31", "O1.1;O1.3",
     "In August 2021 AICHR held a capacity-building event on how community policing helps to identify victims and to prevent TIP.",
     _, _, _, _),
    ("ASEAN-2021-A04", "A104", "ASEAN", _, "2021-11-30", "O1.1;O1.3",
     "In November 2021 AICHR held a capacity-building event for frontline responders on approaches that are human rights-based, gender-sensitive and child-friendly.",
     _, _, _, _),
    ("ASEAN-2021-A05", "R101", "ASEAN", _, "2021-12-31", "O1.3",
     "A regional workshop co-hosted by SOMTC and AICHR validated what the ASEAN-ACT study on the non-punishment principle in ASEAN found.",
     _, _, _, _),
    ("ASEAN-2021-A06", "R101", "ASEAN", _, "2021-06-30", "O1.3;O1.1",
     "At its regional meeting in March 2021 ACWC agreed a multi-year project with ASEAN-ACT to strengthen frontline CTIP responders in victim-oriented, gender-sensitive work; the project was launched at a kick-off meeting in June 2021.",
     _, _, _, _),
    ("ASEAN-2021-A07", "R101", "ASEAN", _, "2021-09-30", "O1.3;O1.1",
     "In September 2021 ACWC and ASEAN-ACT hired two consultants: one to help prepare training materials, the other to write a ‘do no harm’ guide for frontline responders.",
     _, _, _, _),
    ("ASEAN-2021-A08", "A199", "ASEAN", _, "2021-03-31", "O1.1;O1.2",
     "Malaysia’s new National Action Plan on Anti-Trafficking in Persons 2021-2025, launched in March 2021, drew on ASEAN-ACT’s input and recommendations; the final document formally credits them, together with other agencies’ contributions.",
     _, _, _, _),
    ("ASEAN-2021-A09", "A199", "ASEAN", _, "2021-12-31", "O1.3",
     "ASEAN-ACT supported knowledge sharing and learning through the portal, a hub of resources for CTIP policymakers, practitioners, NGOs and the private sector.",
     _, _, _, _),
    ("ASEAN-2021-A10", "A199", "ASEAN", _, "2021-12-31", "O1.3",
     "We held five webinars in 2021 on how justice systems adapt their responses, with speakers from key partners in ASEAN member states.",
     _, _, _, _),
    ("ASEAN-2021-A11", _, "ASEAN", _, "2021-12-31", "EOPO1",
     "**Non-punishment principle study.** The study drew on a desk review and on 12 roundtables in six countries (Cambodia, Indonesia, Lao PDR, the Philippines, Thailand and Vietnam). Its findings and recommendations went before a regional validation workshop in December 2021, attended by 63 people (35 female, 28 male) from government agencies and non-government organisations.",
     63, 35, 28, _),
    ("ASEAN-2021-A12", _, "ASEAN", _, "2021-12-31", "EOPO1",
     "**Webinar series.** Five more webinars in 2021 reached 2,370 participants (1,347 female, 1,013 male, 10 other). The 1,577 responses were positive: 95% were satisfied overall.",
     2370, 1347, 1013, 10),
    ("ASEAN-2021-A13", _, "ASEAN", _, "2021-04-30", "EOPO1",
     "**Freedom of movement of TIP victims.** In April 2021 a regional workshop discussed the findings and recommendations of the information note by Dr Anne Gallagher and Dr Marika McAdam. It was co-hosted by the Philippines’ representatives to SOMTC, the Department of the Interior and Local Government, with support from ACWC Thailand and Thailand's Ministry of Social Development and Human Security. Participants from justice agencies of ASEAN member states and from ASEAN sectoral bodies compared their experience of shelter practices.",
     _, _, _, _),
    ("ASEAN-2021-A14", "R101", "ASEAN", _, "2021-12-31", "EOPO1",
     "**A regional 'do no harm' guide.** ASEAN-ACT commissioned a multi-year project with the ACWC (R101) in the first half of 2021. From October to December 2021, national consultation workshops in six countries (Cambodia, Lao PDR, Indonesia, the Philippines, Thailand and Vietnam) let participants share what they know and have experienced.",
     _, _, _, _),
    ("ASEAN-2021-A15", "A104", "ASEAN", _, "2021-08-31", "O1.3",
     "**AICHR and ASEAN-ACT.** 121 representatives of partners (76 women, 45 men) attended the first event, on community policing for preventing trafficking and identifying victims.",
     121, 76, 45, _),
    ("ASEAN-2021-A16", "A104", "ASEAN", _, "2021-11-30", "O1.3",
     "**AICHR and ASEAN-ACT.** The second training reached 142 frontline officers from across the ASEAN region (95 women, 47 men).",
     142, 95, 47, _),
    ("ASEAN-2021-A17", "A104", "ASEAN", _, "2021-11-30", "O1.3",
     "**AICHR and ASEAN-ACT.** Participants rated both events well: 98% of those trained were satisfied. Asked how far the training had improved their understanding, 42% answered 'excellent', 44% 'good' and 14% 'fair'.",
     _, _, _, _),
]

CAMBODIA = [
    ("KH-2021-A01", "C202", "KH", _, "2021-12-31", "O2.2;O2.3",
     "The Anti-Human Trafficking and Juvenile Protection Police met the Royal Thai Police and Thailand's Department of Special Investigation to work together on cross-border investigations.",
     _, _, _, _),
    ("KH-2021-A02", "C203", "KH", _, "2021-12-31", "O2.1;O2.3",
     "Technical meetings of the CNP reviewed the Standard Operating Procedures of its Specialist Unit of Anti-Trafficking.",
     _, _, _, _),
    ("KH-2021-A03", "C204", "KH", _, "2021-12-31", "O2.1;O2.3",
     "A consultative workshop of the MOJ looked at where trainers of the ASEAN Skills Program on TIP for prosecutors and judges need more capacity.",
     _, _, _, _),
    ("KH-2021-A04", "C205", "KH", _, "2021-12-31", "O2.1;O2.3",
     "An online roundtable on the principles of victim-sensitive courts, sponsored by the Judiciary, the MOJ and the NCCT, had 80 participants (30 women, 50 men).",
     80, 30, 50, _),
    ("KH-2021-A05", "C299", "KH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "The NCCT trained 105 frontline responders (33 women, 72 men) in how to identify victims of TIP.",
     105, 33, 72, _),
    ("KH-2021-A06", "C299", "KH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "Six MoSVY trainings covered its policy and minimum standards for protecting TIP victims.",
     _, _, _, _),
    ("KH-2021-A07", "C299", "KH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "Three workshops assessed the capacity development needs of officials of the judiciary, prosecution, police, welfare, social services and foreign ministry.",
     _, _, _, _),
    ("KH-2021-A08", "C299", "KH", _, "2021-12-31", "EOPO2",
     "**MoSVY trainings on protecting TIP victims.** Under project C299, MoSVY ran six trainings in 2021 for 230 frontline officers from the provinces (61 women, 169 men) on its policy and minimum standards for protecting TIP victims. The officers studied the TIP laws, how victims are identified and protected, and which services victims can turn to.",
     230, 61, 169, _),
]

INDONESIA = [
    ("ID-2021-A01", "I202", "ID", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "ASEAN-ACT advised the Ministry of Women's Empowerment and Child Protection on its evaluation of Indonesia's five-year National Plan of Action to Counter Trafficking 2015–2019, and supported translating the report and printing 150 copies.",
     _, _, _, _),
    ("ID-2021-A02", "I202", "ID", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "ASEAN-ACT gave technical input and took part in consultations on Indonesia's next national action plan against trafficking, among other things on victim rights and on gender equality and social inclusion.",
     _, _, _, _),
    ("ID-2021-A03", "I204", "ID", _, "2021-12-31", "O2.1;O2.3",
     "Together with AIPJ2 and an Indonesian civil society organisation, work began on a detailed analysis of Indonesian court decisions on trafficking in persons from 2019 to 2021.",
     _, _, _, _),
    ("ID-2021-A04", "I299", "ID", _, "2021-12-31", "O2.1;O2.3",
     "LPSK co-hosted a roundtable of experts on the non-punishment principle, which fed into our ASEAN study of the principle.",
     _, _, _, _),
    ("ID-2021-A05", "I299", "ID", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "With AIPJ2 and Australian government agencies, a workshop assessed the capacity development needs of 22 LPSK officers (10 women, 12 men) working on counter-trafficking and counter-terrorism, to set the priorities and the support for CTIP and counter-terrorism.",
     22, 10, 12, _),
    ("ID-2021-A06", _, "ID", _, "2021-10-21", "EOPO2",
     "**'Do no harm' workshop of ACWC Indonesia.** ACWC Indonesia held a national workshop on 21 October 2021 for 46 stakeholders (35 women, 11 men) from government agencies and NGOs, who brought their views and experience to the drafting of the regional guide.",
     46, 35, 11, _),
]

LAO = [
    ("LA-2021-A01", "L201", "LA", _, "2021-12-31", "O2.1;O2.3",
     "The Anti-Human Trafficking Department trained 17 officers (2 women, 15 men) as trainers in investigating TIP cases, and held a consultation workshop on how law enforcement agencies share information in TIP cases.",
     17, 2, 15, _),
    ("LA-2021-A02", "L204", "LA", _, "2021-12-31", "O2.1;O2.3",
     "A PSC workshop on procedures for electronic evidence was attended by 21 judges (5 women, 16 men).",
     21, 5, 16, _),
    # As printed: a Cambodian project code (C204) in the Lao PDR list of achievements.
    ("LA-2021-A03", "C204", "LA", _, "2021-12-31", "O2.1;O2.3",
     "Three PSC workshops prepared the ground for guidelines on victim-sensitive courts for judges.",
     _, _, _, _),
    ("LA-2021-A04", "L206", "LA", _, "2021-12-31", "O2.2",
     "The LWU held a workshop on supporting and protecting victims, and a training-of-trainers course on the guidelines for protecting, assisting and referring victims.",
     _, _, _, _),
    ("LA-2021-A05", "L207", "LA", _, "2021-12-31", "O2.1;O2.3",
     "The OSPP and the Public Prosecutor Training Institute ran a training-of-trainers course for 30 participants (11 women, 19 men) on designing and delivering TIP training, and a workshop towards a permanent training program for prosecutors.",
     30, 11, 19, _),
    ("LA-2021-A06", "L299", "LA", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "Workshops assessed the capacity development needs of officials of the judiciary, prosecution, police, welfare, social services and foreign ministry.",
     _, _, _, _),
    ("LA-2021-A07", _, "LA", _, "2021-09-30", "EOPO2",
     "**Better victim assistance and referral.** In September 2021 the LWU held a workshop on supporting and protecting victims for 18 service providers (15 women, 3 men). With our support, 5,000 copies were printed of the guidelines on protecting, assisting and referring TIP victims.",
     18, 15, 3, _),
    ("LA-2021-A08", _, "LA", _, "2021-11-30", "EOPO2",
     "**Better victim assistance and referral.** The training-of-trainers course of November 2021, for 28 participants (24 women, 4 men), made use of the guidelines.",
     28, 24, 4, _),
    ("LA-2021-A09", _, "LA", _, "2021-02-16", "O2.3;O1.3;O2.2",
     "**Guidelines for victim-sensitive courts: Lao PDR judges.** On 16 February 2021 we held a workshop where 29 judges and court officials (7 women, 22 men) discussed the principles and indicators and how to apply them in Lao PDR. Afterwards a senior judge of the People's Supreme Court became interested in developing guidelines for victim-sensitive courts.",
     29, 7, 22, _),
    ("LA-2021-A10", _, "LA", _, "2021-11-30", "O2.3;O1.3;O2.2",
     "**Guidelines for victim-sensitive courts: Lao PDR judges.** Drafting began in March 2021, followed by two drafting and consultation workshops, on 17–19 August and 10–12 November 2021. A follow-up survey of the judges in November 2021 (75% answered) found that about 83% remembered what they had learned; 42% said they 'always' had a chance to apply or pass on what they learned, and 58% said 'often'.",
     _, _, _, _),
]

PHILIPPINES = [
    ("PH-2021-A01", "P201", "PH", _, "2021-12-31", "O2.1;O2.3",
     "The DILG finished three manuals: (1) materials for an anti-trafficking roadshow, (2) a guidebook for writing ordinances, and (3) an operations manual for the Local Committees on Anti-Trafficking and Violence Against Women and Children.",
     _, _, _, _),
    ("PH-2021-A02", "P202", "PH", _, "2021-12-31", "O2.1;O2.2",
     "The DOJ ran three focus group discussions on victim-sensitive courts in TIP cases, in the National Capital Region, the Visayas and Mindanao.",
     _, _, _, _),
    ("PH-2021-A03", "P203", "PH", _, "2021-12-31", "O2.1",
     "An NBI validation workshop reviewed the draft basic and advanced programs of instruction of its anti-trafficking course.",
     _, _, _, _),
    ("PH-2021-A04", "P204", "PH", _, "2021-12-31", "O2.1",
     "The concept of victim-sensitive courts was presented to the Supreme Court's Technical Working Group, made up of the Philippines Judicial Academy, the Office of the Court Administrator and the Program Management Office.",
     _, _, _, _),
    # Footnote 7 (the women and men of the 77) is not printed in the report.
    ("PH-2021-A05", "P204", "PH", _, "2021-12-31", "O2.1",
     "The IACAT held its roundtable on a TIP dataset: 77 participants discussed TIP indicators and the principles and difficulties of collecting data.",
     77, _, _, _),
    ("PH-2021-A06", "P202", "PH", _, "2021-12-31", "EOPO2",
     "**A blended e-learning TIP course for prosecutors.** An instructional designer and e-learning developer was hired to turn the existing basic TIP course into e-learning, one part of the NPS's blended online course. Under project P202 the NPS ran three trainings in 2021 for 81 prosecutors (53 women, 28 men).",
     81, 53, 28, _),
    ("PH-2021-A07", "P202", "PH", _, "2021-05-31", "EOPO2",
     "**A coordination mechanism for the justice system.** In May 2021 the Office of the Court Administration of the Supreme Court and the Inter-Agency Council Against Trafficking (IACAT) set up the Philippines' justice system coordination mechanism and signed a memorandum of agreement on it, important steps towards better monitoring and reporting of TIP cases (project P202).",
     _, _, _, _),
    ("PH-2021-A08", _, "PH", _, "2021-12-14", "EOPO2",
     "**Training in digital communications.** On 14–15 December 2021 ASEAN-ACT ran a digital communications training for 24 officers (9 female, 15 male) from the NBI Anti-Human Trafficking Division, the Public Information Office and the IACAT.",
     24, 9, 15, _),
    ("PH-2021-A09", _, "PH", _, "2021-10-31", "EOPO2",
     "**Working with the IACAT.** In October 2021 the IACAT Secretariat held a second roundtable with the DOJ on bringing an anti-trafficking policy into the department's procurement. By the end of 2021 we had helped the IACAT hire a consultant to support its review of the strategic plan.",
     _, _, _, _),
    ("PH-2021-A10", _, "PH", _, "2021-10-31", "EOPO2",
     "**E-learning for recovery and reintegration.** ASEAN-ACT supported DSWD, IACAT, DOJ, IJM, DILG and SaferKids Philippines in working together to improve the recovery and reintegration of TIP victims; two workshops in September and October 2021 prepared e-learning materials for the recovery and reintegration program.",
     _, _, _, _),
]

THAILAND = [
    ("TH-2021-A01", "T201", "TH", _, "2021-12-31", "O2.1",
     "The concepts, principles and indicators of victim-sensitive courts were presented to the Office of the Judiciary and to representatives of the RTP, DSI, OAG, MSDHS and the Ministry of Labour.",
     _, _, _, _),
    ("TH-2021-A02", "T202", "TH", _, "2021-12-31", "O2.1;O2.2",
     "The DTIPL gave three rounds of basic training in prosecuting TIP to assistant provincial public prosecutors.",
     _, _, _, _),
    ("TH-2021-A03", "T202", "TH", _, "2021-12-31", "O2.3",
     "In December 2021 a DTIPL workshop looked at what prosecutors do in TIP cases, including how they work with the police and other agencies to prepare victims and witnesses.",
     _, _, _, _),
    ("TH-2021-A04", "T206", "TH", _, "2021-12-31", "O2.3",
     "A concept note for a new Centre of Excellence to build CTIP capacity was written and presented to two national subcommittees and to the National Coordinating and Monitoring of Anti-Trafficking in Persons Performance Committee.",
     _, _, _, _),
    ("TH-2021-A05", "T299", "TH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "5,000 copies of the Child-Centric Approach Guidelines of the Thailand Internet Crimes Against Children (TICAC) Task Force in the RTP were printed with our support; the bilingual guidelines went to RTP officials to consult when they deal with child victims.",
     _, _, _, _),
    ("TH-2021-A06", _, "TH", _, "2021-06-30", "EOPO2",
     "**Judges share their experience of victim protection in court.** Workshops in Lao PDR (February 2021), Vietnam (April 2021) and Cambodia (June 2021) heard a presentation by the Hon. Sittipong Tanyapongpruch, Justice of the Human Trafficking Division of Thailand's Court of Appeal. Judges learned from one another how to meet the difficulties of running victim-sensitive courts.",
     _, _, _, _),
    ("TH-2021-A07", _, "TH", _, "2021-11-30", "EOPO2",
     "**Recovery and reflection period.** In November 2021 the national working group on the reflection period heard the findings of the study on a ‘recovery and reflection period’ for TIP victims. Following it, the Department of TIP Litigation of the Office of the Attorney General and the Ministry of Social Development and Human security (MSDHS) finished a roadmap for piloting a longer period for victims.",
     _, _, _, _),
    ("TH-2021-A08", "T203", "TH", _, "2021-11-30", "EOPO2",
     "**Cooperation on cross-border investigations.** Police forces of different countries work together on it (projects T203 and A208). A first online meeting with the RMP took place in March 2021, and first meetings with the CNP in August 2021 (with the DSI) and November 2021 (with the RTP).",
     _, _, _, _),
    ("TH-2021-A09", _, "TH", _, "2021-03-18", "EOPO2",
     "**Judges trained on the UNODC curriculum.** A course in Udon Thani on 18–19 March for 19 judges (4 female, 15 male).",
     19, 4, 15, _),
    ("TH-2021-A10", _, "TH", _, "2021-03-25", "EOPO2",
     "**Judges trained on the UNODC curriculum.** A course in Hat Yai on 25–26 March for 27 judges (5 female, 22 male).",
     27, 5, 22, _),
    ("TH-2021-A11", _, "TH", _, "2021-04-08", "EOPO2",
     "**Judges trained on the UNODC curriculum.** A course in Krabi on 8–9 April for 23 judges (6 female, 17 male).",
     23, 6, 17, _),
]

VIETNAM = [
    ("VN-2021-A01", "V201", "VN", _, "2021-04-30", "O2.1",
     "In April 2021 the Ministry of Public Security held a workshop on making international cooperation in TIP cases more effective, for 49 participants (5 women, 44 men) from central law enforcement agencies and 12 provinces.",
     49, 5, 44, _),
    ("VN-2021-A02", "V202", "VN", _, "2021-12-31", "O2.1",
     "The Supreme People's Court completed TIP training materials for judges and court staff; they are being reviewed before endorsement.",
     _, _, _, _),
    ("VN-2021-A03", "V203", "VN", _, "2021-12-31", "O2.2",
     "A Supreme People's Court workshop on victim-sensitive courts and a victim-centred approach was attended by 38 judges (18 women, 20 men).",
     38, 18, 20, _),
    ("VN-2021-A04", "V204", "VN", _, "2021-12-31", "O2.1;O2.2",
     "In a 'writeshop', the Supreme People's Procuracy drafted guidance on mutual legal assistance in TIP cases.",
     _, _, _, _),
    ("VN-2021-A05", "V205", "VN", _, "2021-12-31", "O2.1;O2.2",
     "CTIP officials from key justice agencies took part in a 'training of trainers' covering both CTIP itself and participatory ways to design and deliver training.",
     _, _, _, _),
    ("VN-2021-A06", "V299", "VN", _, "2021-12-31", "O2.2;O2.3",
     "MOLISA trained labour sector staff in victim-centred, trauma-informed approaches.",
     _, _, _, _),
    ("VN-2021-A07", "V206", "VN", _, "2021-12-31", "EOPO2",
     "**Working across agencies with the Vietnam Women's Union.** Three rounds of training in 2021 reached 127 frontline officers who support victims (110 women, 17 men), from VWU, MPS, SPP, SPC, MOLISA, Peace House Shelter, One-Stop Service Offices, the People's Police Academy and the People's Police College.",
     127, 110, 17, _),
    # The report prints no project code with this story; the Hanoi Procuratorate
    # University belongs to the Supreme People's Procuracy, whose project is V204.
    ("VN-2021-A08", "V204", "VN", _, "2021-07-30", "EOPO2",
     "**The Vietnam TIP Journal.** The Hanoi Procuratorate University (HPU) launched its second Trafficking in Persons Journal on 30 July 2021 and printed and distributed 2,500 copies. A follow-up survey in May 2021 of those who had received the first issue (1,248 people) found that 24% use it 'always', 51% 'often' and 23% sometimes; 36% rated it 'extremely useful', 55% 'very useful' and 8% 'moderately useful'.",
     _, _, _, _),
    ("VN-2021-A09", _, "VN", _, "2021-02-28", "EOPO2",
     "**National Plan of Action Against Human Trafficking 2021–2025.** Submitted to the Prime Minister in January 2021, the new plan was enacted in February 2021. It builds in victim rights and gender equality and social inclusion, and commits to a TIP data dashboard for the government actors concerned with CTIP.",
     _, _, _, _),
    ("VN-2021-A10", _, "VN", _, "2021-12-31", "EOPO2",
     "**Building the capacity of law enforcement.** In 2021 TIP training materials were finished for the People's Police Academy and for local police trainings in the provinces. The training-of-trainers module was then used at an event for trainers (24 participants) and in a master course (12 participants) for people from four police training institutions.",
     _, _, _, _),
    ("VN-2021-A11", _, "VN", _, "2021-01-31", "EOPO2",
     "**Building the capacity of law enforcement.** In January 2021 ASEAN-ACT supported a workshop on better identification and verification of trafficking victims, with 47 participants (22 women, 25 men) from national agencies and nine provinces.",
     47, 22, 25, _),
]

INCLUSIVE_POLICY = [
    ("IPP-2021-A01", _, "PH", _, "2021-11-30", "EOPO3",
     "**A policy engagement plan.** After a first consultation on policy engagement planning in the Philippines in July 2021, an intensive workshop with key partners in November 2021 drew up a policy engagement plan for the country, together with a strategy and a learning plan for carrying it out.",
     _, _, _, _),
    ("IPP-2021-A02", _, "ASEAN", _, "2021-06-30", "EOPO3",
     "**Grants.** We started a grants program in June 2021 for joint policy dialogue and learning. It supports nine non-government organisations (NGOs), chosen as partners for their counter-trafficking approach, experience and expertise, and for fitting ASEAN-ACT's principles and strategies.",
     _, _, _, _),
    ("IPP-2021-A03", _, "ASEAN", _, "2021-12-31", "EOPO3",
     "**Applied political economy analysis.** In 2021 we began working with the Overseas Development Institute (ODI) on an applied political economy analysis of the structural vulnerabilities to trafficking for labour exploitation in Southeast Asia. After an initiation workshop, data collection started in the first phase's four countries: Cambodia, Lao PDR, Thailand and Vietnam.",
     _, _, _, _),
]

O3 = "O3.2;O3.4"
E23 = "EOPO2;EOPO3"

NGOS = [
    # Legal Support for Children and Women (Cambodia)
    ("NGO-LSCW-01", _, "KH", "LSCW", "2021-12-31", E23,
     "Gave legal aid to 25 survivors of trafficking in persons (7 female, 18 male) and referred them to the services they needed.",
     25, 7, 18, _),
    ("NGO-LSCW-02", _, "KH", "LSCW", "2021-12-31", O3,
     "Held two online consultations with members of the NGO Technical Working Group (TWG) on trafficking in persons, part of Cambodia's National Committee for Counter Trafficking (NCCT).",
     _, _, _, _),
    ("NGO-LSCW-03", _, "KH", "LSCW", "2021-12-31", O3,
     "Ran an online session on case management and the referral system for the Tbong Khmum Provincial Committee to Counter Trafficking (PCCT) and NGO representatives, with 21 participants (10 female, 11 male).",
     21, 10, 11, _),
    ("NGO-LSCW-04", _, "KH", "LSCW", "2021-12-31", O3,
     "Met the PCCTs of Kampong Cham, Tbong Khmum and Prey Veng provinces online three times to present the project, build the partnership and set up a telegram group.",
     _, _, _, _),
    ("NGO-LSCW-05", _, "KH", "LSCW", "2021-12-31", O3,
     "Set up telegram groups through which the PCCTs and NGOs of three provinces share information, keep in touch and refer cases.",
     _, _, _, _),
    ("NGO-LSCW-06", _, "KH", "LSCW", "2021-12-31", E23,
     "Gave legal aid in two trafficking cases between July and December 2021; both are still before the court.",
     _, _, _, _),
    ("NGO-LSCW-07", _, "KH", "LSCW", "2021-12-31", E23,
     "Through the referral system LSCW built with the provincial committee, referred five irregular migrant workers for vaccination when they arrived at the quarantine area on the Thai border.",
     5, _, _, _),
    # Village Focus International (Lao PDR)
    ("NGO-VFI-01", _, "LA", "VFI", "2021-12-31", E23,
     "Mapped 33 NGOs by area of work, main objectives, target groups and the places they work.",
     _, _, _, _),
    ("NGO-VFI-02", _, "LA", "VFI", "2021-12-31", O3,
     "In December 2021 held a consultation workshop with Lao PDR NGOs whose work touches counter-trafficking in persons, directly or indirectly, with a focus on migration in the southern provinces; representatives of 14 NGOs and of the government agencies concerned took part.",
     _, _, _, _),
    ("NGO-VFI-03", _, "LA", "VFI", "2021-12-31", E23,
     "Set up an informal NGO network, a main result of the December 2021 consultation workshop; its members are keen to take part and to work with VFI.",
     _, _, _, _),
    ("NGO-VFI-04", _, "LA", "VFI", "2021-11-30", O3,
     "In November 2021 ran a two-day hybrid training on the basics of TIP and labour migration law and on referring suspected TIP cases, for 30 participants (11 women, 19 men) from 16 NGOs; it also brought VFI closer to other NGOs working against trafficking in persons.",
     30, 11, 19, _),
    ("NGO-VFI-05", _, "LA", "VFI", "2021-12-31", E23,
     "Began writing simple guidelines for NGOs on identifying TIP victims, to be finished in the first quarter of 2022.",
     _, _, _, _),
    # Blas F Ople Policy Center and Training Institute (Philippines)
    ("NGO-OPLE-01", _, "PH", "OPLE", "2021-11-24", O3,
     "Founded the CAT-OFWs on 24 November 2021 with 19 members: 10 NGOs, 4 community organisations of OFWs, 1 major trade union and 4 private recruitment agencies. The coalition was formally convened, and in December it mapped out its advocacy plan.",
     _, _, _, _),
    ("NGO-OPLE-02", _, "PH", "OPLE", "2021-12-31", O3,
     "In December 2021 the CAT-OFWs sent the Philippine Congress a position paper on the proposed Bill to create the Department of Migrant Workers.",
     _, _, _, _),
    ("NGO-OPLE-03", _, "PH", "OPLE", "2021-12-31", O3,
     "Finished an analysis of amendments to the TIP Law and presented it to the Chief Legislative Officer, who agreed that the coalition's amendments will go into the next round of amendments in Congress.",
     _, _, _, _),
    ("NGO-OPLE-04", _, "PH", "OPLE", "2021-12-31", O3,
     "In talks with key legislative staff and three senators, lobbied successfully for provisions that strengthen the new DMW's anti-trafficking mandate.",
     _, _, _, _),
    ("NGO-OPLE-05", _, "PH", "OPLE", "2021-12-31", O3,
     "The CAT-OFWs worked with the Bill's sponsors to keep its provisions on Fair and Ethical Recruitment, which give private sectors more incentive to protect migrant workers.",
     _, _, _, _),
    ("NGO-OPLE-06", _, "PH", "OPLE", "2021-12-31", O3,
     "Helped the IACAT lobby successfully for the return of the 25 million pesos cut from its budget.",
     _, _, _, _),
    ("NGO-OPLE-07", _, "PH", "OPLE", "2021-12-30", "O3.2",
     "**Advocacy for overseas Filipino workers.** The coalition's members lobbied successfully for provisions that strengthen the new department's anti-trafficking mandate. The Senate passed the bill creating the department on third and final reading on 14 December 2021, and on 30 December the President signed the law that creates a department for the welfare of OFWs.",
     _, _, _, _),
    # As printed on the NGO summary page, under "32 Blas F Ople Policy Center and
    # Training Institute, Philippines": the event is HRDF's (NGO-HRDF-02).
    ("NGO-OPLE-S1", _, "PH", "OPLE", "2021-12-31", _,
     "Held an information event for 32 agriculture migrant workers on the anti-TIP law, the labour act and the government's complaint mechanism.",
     32, _, _, _),
    # Human Rights and Development Foundation (Thailand)
    ("NGO-HRDF-01", _, "TH", "HRDF", "2021-12-31", O3,
     "Hired a legal officer in Chiang Mai to take charge of the partnership with ASEAN-ACT.",
     _, _, _, _),
    # As printed: 27 women and 5 men make 32, not 33.
    ("NGO-HRDF-02", _, "TH", "HRDF", "2021-11-26", O3,
     "Held two outreach and awareness events in Chiang Mai, on 30 October and 26 November 2021, for 33 agriculture migrant workers (27 women and 5 men), who learned the main points of the Anti-Trafficking in Persons Act, the Labour Protection Act and the government's complaint mechanism.",
     33, 27, 5, _),
    ("NGO-HRDF-03", _, "TH", "HRDF", "2021-08-31", O3,
     "In August 2021 HRDF wrote, with Migrant Working Group, Save the Children and the Foundation for AIDS Rights, an open letter to the chair of the national Anti-Trafficking in Persons Committee that recommended how anti-trafficking measures and protection mechanisms should be put into practice. The Committee on Foreign Affairs of the House of Representatives met the government officials concerned and took note of the letter's recommendations.",
     _, _, _, _),
    ("NGO-HRDF-04", _, "TH", "HRDF", "2021-12-31", O3,
     "Three HRDF volunteers who study labour law (2 female, 1 male) also help with the partnership with ASEAN-ACT.",
     3, 2, 1, _),
    ("NGO-HRDF-05", _, "TH", "HRDF", "2021-12-31", O3,
     "Gave HRDF's legal staff a four-day in-house training on the CTIP, the Anti-Trafficking in Persons Act and the International Labour Organization's forced labour indicators.",
     _, _, _, _),
    # Social Responsibility Law Office (Thailand)
    ("NGO-SRLAW-01", _, "TH", "SRLAW", "2021-12-31", O3,
     "Researched and analysed court rulings in cases of trafficking in persons and labour exploitation, as a basis for policy briefs.",
     _, _, _, _),
    ("NGO-SRLAW-02", _, "TH", "SRLAW", "2021-12-31", O3,
     "By the end of 2021, drafted two policy briefs: one on victim identification, one on compensation for victims.",
     _, _, _, _),
    ("NGO-SRLAW-03", _, "TH", "SRLAW", "2021-12-31", O3,
     "Met the government agencies concerned to work together more closely against trafficking in persons.",
     _, _, _, _),
    ("NGO-SRLAW-04", _, "TH", "SRLAW", "2021-12-31", O3,
     "Worked with other organisations, among them ASEAN-ACT's partner Verité Southeast Asia Inc., so that each builds on the other's work: for instance, joint interviews of migrant workers about the risks they face, how they were recruited and what protects them.",
     _, _, _, _),
    ("NGO-SRLAW-05", _, "TH", "SRLAW", "2021-12-31", O3,
     "Consulted government and non-government stakeholders while finishing the policy briefs.",
     _, _, _, _),
    ("NGO-SRLAW-06", _, "TH", "SRLAW", "2021-12-31", O3,
     "Began drafting a policy brief on trafficking in persons for labour exploitation.",
     _, _, _, _),
    ("NGO-SRLAW-07", _, "TH", "SRLAW", "2021-12-31", E23,
     "What the research taught also went into SR Law's training for the Fishery Department, the Sea Asset Management Office and Ministry of Labour staff, and its training for police officers.",
     _, _, _, _),
    # Labour Protection Network (Thailand). As printed: the headline 216, while the
    # survey responses listed add to 185 (achievement_figures.csv, survey_by_zone).
    ("NGO-LPN-01", _, "TH", "LPN", "2021-12-31", O3,
     "Gathered baseline information from 216 migrant workers about their situation in Thailand's three special economic zones. The in-person survey is complete: 61 workers answered in Sa Kaeo, 64 in Trat and 60 in Rayong.",
     216, _, _, _),
    ("NGO-LPN-02", _, "TH", "LPN", "2021-12-31", O3,
     "Held 31 key informant interviews with people from the regional public office, the private sector, community leaders, civil society and national government agencies.",
     31, _, _, _),
    ("NGO-LPN-03", _, "TH", "LPN", "2021-12-31", O3,
     "Began analysing the data for a research report due in mid-2022.",
     _, _, _, _),
    # Verité Southeast Asia Inc. (Thailand)
    ("NGO-VSEA-01", _, "TH", "VSEA", "2021-12-31", O3,
     "Through desk research and scoping, put the issues of recruiting foreign workers inside the country into context.",
     _, _, _, _),
    ("NGO-VSEA-02", _, "TH", "VSEA", "2021-12-31", O3,
     "Interviewed 43 key stakeholders (migrant workers, NGO representatives, recruitment agents, brokers, employers and experts) to shape the research methodology.",
     43, _, _, _),
    ("NGO-VSEA-03", _, "TH", "VSEA", "2021-12-31", O3,
     "Drew up the research framework, methodology and tools, based on first findings of the desk research, scoping and key informant interviews.",
     _, _, _, _),
    ("NGO-VSEA-04", _, "TH", "VSEA", "2021-12-31", O3,
     "The scoping work of this partnership deepened the project team's knowledge of trafficking in persons and forced labour in Thailand and of how they link to in-country recruitment.",
     _, _, _, _),
    ("NGO-VSEA-05", _, "TH", "VSEA", "2021-11-30", O3,
     "Began collecting data in November 2021 from government, civil society organisations, NGOs and workers; in 2022 it goes on with targeted interviews of workers, businesses, recruitment agents and brokers.",
     _, _, _, _),
    # As printed on the NGO summary page, under "29 Verité Southeast Asia Inc.,
    # Thailand": the Blue Dragon section claims the same 29 victims (NGO-BDCF-01).
    ("NGO-VSEA-S1", _, "TH", "VSEA", "2021-12-31", _,
     "Helped identify 29 female victims of trafficking in persons, 7 of them under 18, investigate their cases and represent them in court.",
     29, 29, _, _),
    # Blue Dragon Children's Foundation (Vietnam)
    ("NGO-BDCF-01", _, "VN", "BDCF", "2021-09-30", E23,
     "Between July and September 2021, helped identify 29 female victims of trafficking in persons (7 of them under 18), represented them in court and supported the investigation of their cases, which led to 15 traffickers being prosecuted.",
     29, 29, _, _),
    ("NGO-BDCF-02", _, "VN", "BDCF", "2021-12-31", O3,
     "Hired a team of research consultants, who have finished the desk review of the relevant policies, guidelines and reports.",
     _, _, _, _),
    ("NGO-BDCF-03", _, "VN", "BDCF", "2021-12-31", O3,
     "Analysed Blue Dragon's database of victims and court cases.",
     _, _, _, _),
    ("NGO-BDCF-04", _, "VN", "BDCF", "2021-12-31", O3,
     "Interviewed Blue Dragon's lawyers and legal assistants; key stakeholders at national and provincial level are to be interviewed in early 2022.",
     _, _, _, _),
    ("NGO-BDCF-05", _, "VN", "BDCF", "2021-12-31", O3,
     "Travel restrictions in Dien Bien and Ha Giang provinces held up the work on an interagency coordination mechanism. Blue Dragon kept negotiating with Ha Giang's Department of Labour, Invalids and Social Affairs on a proposal asking the provincial People's Council to let the department give emergency assistance to suspected victims while their TIP cases are investigated.",
     _, _, _, _),
    # Migrant Forum Asia (regional: Cambodia, Indonesia, Malaysia, the Philippines, Thailand)
    ("NGO-MFA-01", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Finished the research design and work plan and confirmed research partners in the five target countries: Cambodia, Indonesia, Malaysia, the Philippines and Thailand.",
     _, _, _, _),
    ("NGO-MFA-02", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Carried out a desk review in each of the five countries as a basis for the baseline and the research methodology.",
     _, _, _, _),
    ("NGO-MFA-03", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Finished the research design and work plan, with a questionnaire for migrant workers.",
     _, _, _, _),
    ("NGO-MFA-04", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Began the first round of data collection, aiming to survey 100 migrant workers in each of the five target countries.",
     _, _, _, _),
    ("NGO-MFA-05", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Before collecting data, drafted a baseline desk review report for Malaysia.",
     _, _, _, _),
]

ACHIEVEMENTS = REGIONAL + CAMBODIA + INDONESIA + LAO + PHILIPPINES + THAILAND + VIETNAM + INCLUSIVE_POLICY + NGOS

# ------------------------------------------------------------------ figures
# Figures printed inside an achievement: (achievement_id, set, label, share, count, parts).
FIGURE_HEADER = ["achievement_id", "set", "label", "share", "count", "parts"]
FIGURES = [
    # Vietnam TIP Journal follow-up survey, as printed: 24 + 51 + 23 = 98, 36 + 55 + 8 = 99.
    ("VN-2021-A08", "use", "always", 24, _, _),
    ("VN-2021-A08", "use", "often", 51, _, _),
    ("VN-2021-A08", "use", "sometimes", 23, _, _),
    ("VN-2021-A08", "usefulness", "extremely useful", 36, _, _),
    ("VN-2021-A08", "usefulness", "very useful", 55, _, _),
    ("VN-2021-A08", "usefulness", "moderately useful", 8, _, _),
    # LPN survey by zone, as printed: 61 + 64 + 60 = 185, the headline says 216.
    ("NGO-LPN-01", "survey_by_zone", "Sa Kaeo", _, 61, "yes"),
    ("NGO-LPN-01", "survey_by_zone", "Trat", _, 64, "yes"),
    ("NGO-LPN-01", "survey_by_zone", "Rayong", _, 60, "yes"),
    # AICHR events: how well the training enhanced or improved understanding (adds to 100).
    ("ASEAN-2021-A17", "understanding", "excellent", 42, _, _),
    ("ASEAN-2021-A17", "understanding", "good", 44, _, _),
    ("ASEAN-2021-A17", "understanding", "fair", 14, _, _),
    # Lao PDR judges' follow-up survey: opportunity to apply or share what they learned (adds to 100).
    ("LA-2021-A10", "apply", "always", 42, _, _),
    ("LA-2021-A10", "apply", "often", 58, _, _),
    # The coalition's 19 founding members (organisations, not people: no total).
    ("NGO-OPLE-01", "founding_members", "NGOs", _, 10, _),
    ("NGO-OPLE-01", "founding_members", "OFW community organisations", _, 4, _),
    ("NGO-OPLE-01", "founding_members", "private recruitment agencies", _, 4, _),
    ("NGO-OPLE-01", "founding_members", "major trade union", _, 1, _),
    # Vietnam law enforcement: participants of the two courses using the ToT module.
    ("VN-2021-A10", "participants_by_course", "training-of-trainers event", _, 24, _),
    ("VN-2021-A10", "participants_by_course", "master training course", _, 12, _),
]

# ---------------------------------------------------------------- published
# The five tables of "Selected indicator results" as printed (seed lines 1265-1351),
# copied verbatim with tabs; "–" is an empty cell, percentage rows are not kept.
PUBLISHED_HEADER = ["year", "section", "row", "column", "value", "source"]
ROW_CODES = {"Brunei Darussalam": "BN", "Cambodia": "KH", "Indonesia": "ID", "Lao PDR": "LA",
             "Malaysia": "MY", "Myanmar": "MM", "Philippines": "PH", "Singapore": "SG",
             "Thailand": "TH", "Vietnam": "VN", "ASEAN/regional": "ASEAN", "ASEAN": "ASEAN",
             "Victim rights and GESI": "victim_rights_gesi", "Total": "TOTAL"}
PRINTED_TABLES = [
    ("table1", "APR 2021 p.63 Table 1",
     ["capacity_development", "meeting", "other", "staff_event", "total"], """\
Cambodia	20	3	11	–	34
Indonesia	2	3	2	–	7
Lao PDR	17	3	8	–	28
Myanmar	–	2	–	–	2
Philippines	32	66	11	–	109
Thailand	13	38	21	–	72
Vietnam	16	16	5	–	37
ASEAN/regional	10	50	10	9	79
Total	110	181	68	9	368"""),
    ("table2", "APR 2021 p.63 Table 2", ["2021", "2020", "2019"], """\
Cambodia	20	2	–
Indonesia	2	–	–
Lao PDR	17	1	–
Malaysia	–	–	1
Philippines	32	5	6
Thailand	13	9	4
Vietnam	16	7	5
ASEAN/regional	10	5	–
Total	110	29	16"""),
    ("table3", "APR 2021 p.63 Table 3", ["female", "male", "other", "total", "pct_women"], """\
Brunei Darussalam	22	20	–	42	52%
Cambodia	380	677	–	1,057	36%
Indonesia	277	124	1	402	69%
Lao PDR	270	329	3	602	45%
Malaysia	35	32	–	67	52%
Myanmar	34	14	1	49	69%
Philippines	2,212	1,426	9	3,647	61%
Singapore	30	25	–	55	54%
Thailand	703	745	–	1,448	49%
Vietnam	636	493	3	1,132	56%
ASEAN/regional	47	14	–	61	77%
Total	4,646	3,899	17	8,562	54%"""),
    ("table4", "APR 2021 p.64 Table 4", ["female", "male", "other", "total", "pct_women"], """\
Brunei Darussalam	15	11	–	26	58%
Cambodia	257	486	–	743	35%
Indonesia	142	64	–	206	69%
Lao PDR	133	141	1	275	48%
Malaysia	23	16	–	39	59%
Myanmar	26	10	1	37	70%
Philippines	1,048	836	5	1,889	55%
Singapore	20	18	–	38	53%
Thailand	420	459	–	879	48%
Vietnam	327	250	–	577	57%
ASEAN/regional	38	14	–	52	73%
Total	2,449	2,305	7	4,761	51%"""),
    ("table5", "APR 2021 p.64 Table 5",
     ["respondents", "satisfied_pct", "met_objectives_pct", "met_expectations_pct", "improved_learning_pct"], """\
Cambodia	422 (151 female, 265 male, 6 other)	99	98	97	97
Lao PDR	216 (96 female, 120 male)	97	94	94	94
Indonesia	60 (35 female, 25 male)	98	90	90	88
Philippines	661 (440 female, 221 male)	100	97	97	97
Thailand	302 (145 female, 157 male)	93	87	87	92
Vietnam	454 (270 female, 184 male)	100	99	98	98
ASEAN	384 (247 female, 135 male, 2 other)	98	89	84	86
Victim rights and GESI	61 (38 female, 23 male)	100	95	90	95
Total	2,560 (1,422 female, 1,130 male, 8 other)	98	95	93	95"""),
]

# The "2021 projects" list of each section, as printed (C299 in the Lao PDR list).
PRINTED_PROJECT_LISTS = [
    ("ASEAN", "APR 2021 p.19 Regional progress, 2021 projects",
     ["A101", "A102", "A103", "A104", "A199", "A208", "R101", "R206", "R304"]),
    ("KH", "APR 2021 p.28 Cambodia, 2021 projects", ["C202", "C203", "C204", "C205", "C299"]),
    ("ID", "APR 2021 p.30 Indonesia, 2021 projects", ["I202", "I204", "I299"]),
    ("LA", "APR 2021 p.32 Lao PDR, 2021 projects", ["L201", "L204", "L206", "L207", "C299"]),
    ("PH", "APR 2021 p.34 Philippines, 2021 projects",
     ["P201", "P202", "P203", "P204", "P206", "P209", "P299", "P305"]),
    ("TH", "APR 2021 p.38 Thailand, 2021 projects", ["T201", "T202", "T203", "T206", "T208", "T299"]),
    ("VN", "APR 2021 p.42 Vietnam, 2021 projects",
     ["V201", "V202", "V203", "V204", "V205", "V206", "V299"]),
]


# A printed number without thousands separators or % sign ("1,057" -> "1057").
def _number(cell):
    return cell.replace(",", "").rstrip("%")


# Cells of one printed table row: [(column, value)], empty ("–") cells left out.
def _cells(section, columns, fields):
    out = []
    if section == "table5":
        # "422 (151 female, 265 male, 6 other)": respondents and the parts printed
        resp, _sep, parts = fields[0].partition(" (")
        out.append(("respondents", _number(resp)))
        for part in parts.rstrip(")").split(", "):
            n, sex = part.split(" ")
            out.append((sex, _number(n)))
        fields = fields[1:]
        columns = columns[1:]
    for col, cell in zip(columns, fields):
        if cell != "–":
            out.append((col, _number(cell)))
    return out


# Rows of published.csv.
def published_rows():
    rows = []
    for section, source, columns, text in PRINTED_TABLES:
        for line in text.split("\n"):
            fields = line.split("\t")
            code = ROW_CODES[fields[0]]
            for col, value in _cells(section, columns, fields[1:]):
                rows.append(["2021", section, code, col, value, source])
    for code, source, projects in PRINTED_PROJECT_LISTS:
        for p in projects:
            rows.append(["2021", "projects", code, "", p, source])
    return rows


# A CSV cell: blank for None.
def _cell(v):
    return "" if v is None else str(v)


# Write achievements.csv, achievement_figures.csv and published.csv into out (a Path).
def write(out, write_csv):
    write_csv(out / "achievements.csv", ACHIEVEMENT_HEADER, [[_cell(v) for v in a] for a in ACHIEVEMENTS])
    write_csv(out / "achievement_figures.csv", FIGURE_HEADER, [[_cell(v) for v in f] for f in FIGURES])
    write_csv(out / "published.csv", PUBLISHED_HEADER, published_rows())
