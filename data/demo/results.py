# results.py - the results records of the demo data set: the achievements of the
# published 2021 annual report (seed 004_8d7c6d4c40f6c981.txt), the figures printed
# inside them, and the figures of the published edition (its five tables and its
# project lists), to be reconciled with the records by `actip check`.
#
# Everything here is recorded AS PRINTED, mistakes included; the printed
# inconsistencies kept on purpose are listed in README.md and checked for by
# demo_check.py. Called by generate.py; standard library only, deterministic.

# Achievement text is Markdown in the report's own wording (footnotes giving the
# women and men are written in parentheses where the footnote mark stood).
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
     "SOMTC confirmed multi-year projects with ASEAN-ACT during 21st SOMTC in July 2021, following consultation in April 2021.",
     _, _, _, _),
    ("ASEAN-2021-A02", "A101", "ASEAN", _, "2021-12-31", "O1.1;O1.2",
     "SOMTC commissioned the review of the Bohol TIP Work Plan 2017–2020, draft report submitted in December 2021.",
     _, _, _, _),
    ("ASEAN-2021-A03", "A104", "ASEAN", _, "2021-08-31", "O1.1;O1.3",
     "AICHR hosted a capacity-building event, on community policing approaches to victim identification and TIP prevention, in August 2021.",
     _, _, _, _),
    ("ASEAN-2021-A04", "A104", "ASEAN", _, "2021-11-30", "O1.1;O1.3",
     "AICHR hosted a capacity-building event, on human rights-based, gender-sensitive and child-friendly approaches for frontline responders, in November 2021.",
     _, _, _, _),
    ("ASEAN-2021-A05", "R101", "ASEAN", _, "2021-12-31", "O1.3",
     "SOMTC and AICHR co-hosted a regional workshop to validate findings of the ASEAN-ACT study on the non-punishment principle in ASEAN.",
     _, _, _, _),
    ("ASEAN-2021-A06", "R101", "ASEAN", _, "2021-06-30", "O1.3;O1.1",
     "ACWC confirmed the multi-year project with ASEAN-ACT during its regional meeting in March 2021, with kick-off meeting in June 2021, on capacity enhancement of frontline CTIP responders using victim-oriented and gender-sensitive approaches.",
     _, _, _, _),
    ("ASEAN-2021-A07", "R101", "ASEAN", _, "2021-09-30", "O1.3;O1.1",
     "ACWC and ASEAN-ACT engaged two consultants in September 2021, one to support the development of training materials and the other to develop a ‘do no harm’ guide for frontline responders.",
     _, _, _, _),
    ("ASEAN-2021-A08", "A199", "ASEAN", _, "2021-03-31", "O1.1;O1.2",
     "ASEAN-ACT provided input and recommendations in the development of Malaysia’s new National Action Plan on Anti-Trafficking in Persons 2021-2025, launched in March 2021, with our input officially acknowledges, along with that of other agencies, in the final document.",
     _, _, _, _),
    ("ASEAN-2021-A09", "A199", "ASEAN", _, "2021-12-31", "O1.3",
     "ASEAN-ACT facilitated knowledge sharing and learning through the portal, which serves as a resource hub for CTIP policymakers, practitioners, NGOs and the private sector.",
     _, _, _, _),
    ("ASEAN-2021-A10", "A199", "ASEAN", _, "2021-12-31", "O1.3",
     "In collaboration with key partners from ASEAN member states as speakers, we conducted five webinars in 2021, on justice system adaptive responses.",
     _, _, _, _),
    ("ASEAN-2021-A11", _, "ASEAN", _, "2021-12-31", "EOPO1",
     "**Study on non-punishment principle.** The study was informed by a desk review of materials and 12 roundtable discussions held in six countries – Cambodia, Indonesia, Lao PDR, the Philippines, Thailand and Vietnam. A regional validation workshop was held in December 2021 to present the key findings and recommendations of the study; a total of 63 participants (35 female and 28 male) from government agencies and non-government organisations attended the regional workshop.",
     63, 35, 28, _),
    ("ASEAN-2021-A12", _, "ASEAN", _, "2021-12-31", "EOPO1",
     "**Webinar series.** We continued the series in 2021, with five further webinars; a total of 2,370 participants (1,347 female, 1,013 male and 10 other) attended the five webinars. In 2021, of 1,577 responses, feedback was positive, with 95% expressing overall satisfaction.",
     2370, 1347, 1013, 10),
    ("ASEAN-2021-A13", _, "ASEAN", _, "2021-04-30", "EOPO1",
     "**Study on freedom of movement of TIP victims.** The key findings and recommendations from the information note by Dr Anne Gallagher and Dr Marika McAdam were presented and discussed during a regional workshop in April 2021, co-hosted by the Philippine representatives to SOMTC, the Department of the Interior and Local Government, and supported by ACWC Thailand and Thailand's Ministry of Social Development and Human Security. The regional workshop enabled knowledge exchange and discussed experiences on shelter practices among workshop participants from ASEAN member states justice agencies and ASEAN sectoral bodies.",
     _, _, _, _),
    ("ASEAN-2021-A14", "R101", "ASEAN", _, "2021-12-31", "EOPO1",
     "**Regional 'do no harm' guide.** A multi-year project (R101) with the ACWC was commissioned through ASEAN-ACT during the first half of 2021. Between October and December 2021, six national consultation workshops were conducted in Cambodia, Lao PDR, Indonesia, the Philippines, Thailand, and Vietnam – to share knowledge and experience.",
     _, _, _, _),
    ("ASEAN-2021-A15", "A104", "ASEAN", _, "2021-08-31", "O1.3",
     "**AICHR partnership with ASEAN-ACT.** The first event focused on a community policing approach to victim identification and prevention, and was attended by 121 partner representatives (76 women and 45 men).",
     121, 76, 45, _),
    ("ASEAN-2021-A16", "A104", "ASEAN", _, "2021-11-30", "O1.3",
     "**AICHR partnership with ASEAN-ACT.** The second training was attended by 142 frontline officers across the ASEAN region (95 women and 47 men).",
     142, 95, 47, _),
    ("ASEAN-2021-A17", "A104", "ASEAN", _, "2021-11-30", "O1.3",
     "**AICHR partnership with ASEAN-ACT.** We received positive feedback from participants on both events, with 98% of training participants satisfied with the event they attended. When asked how well the training has enhanced or improved their understanding, 42% responded 'excellent', 44% responded 'good' and 14% responded 'fair'.",
     _, _, _, _),
]

CAMBODIA = [
    ("KH-2021-A01", "C202", "KH", _, "2021-12-31", "O2.2;O2.3",
     "Anti-Human Trafficking and Juvenile Protection Police conducted meetings with the Royal Thai Police and Thai Department of Special Investigation, on transnational investigative cooperation.",
     _, _, _, _),
    ("KH-2021-A02", "C203", "KH", _, "2021-12-31", "O2.1;O2.3",
     "CNP held technical meetings to review the Standard Operating Procedures for Specialist Unit of Anti-Trafficking.",
     _, _, _, _),
    ("KH-2021-A03", "C204", "KH", _, "2021-12-31", "O2.1;O2.3",
     "MOJ conducted consultative workshop to assess capacity gaps for trainers on the ASEAN Skills Program on TIP for prosecutors and judges.",
     _, _, _, _),
    ("KH-2021-A04", "C205", "KH", _, "2021-12-31", "O2.1;O2.3",
     "The Judiciary, MOJ and NCCT sponsored an online roundtable meeting on victim-sensitive court principles, with 80 participants (30 women and 50 men).",
     80, 30, 50, _),
    ("KH-2021-A05", "C299", "KH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "NCCT conducted training for 105 frontline responders (33 women and 72 men) on procedures for identifying TIP victims.",
     105, 33, 72, _),
    ("KH-2021-A06", "C299", "KH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "MoSVY held six training on policy and minimum standards on protection of TIP victims.",
     _, _, _, _),
    ("KH-2021-A07", "C299", "KH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "Conducted three capacity development assessment workshops for judiciary, prosecutors, police, welfare, social services and foreign ministry officials.",
     _, _, _, _),
    ("KH-2021-A08", "C299", "KH", _, "2021-12-31", "EOPO2",
     "**MoSVY training on policy and minimum standards on protection of TIP victims.** In 2021, MoSVY conducted six training for 230 provincial frontline officers (61 women, 169 men) on policy and minimum standards on protection of TIP victims under project C299. They learned about TIP laws, procedures on victim identification, protection of victims and services available to TIP victims.",
     230, 61, 169, _),
]

INDONESIA = [
    ("ID-2021-A01", "I202", "ID", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "ASEAN-ACT provided technical advice to the Ministry of Women's Empowerment and Child Protection to inform the evaluation of Indonesia's five-year National Plan of Action to Counter Trafficking 2015–2019. The program supported translation and the printing of 150 copies of the report.",
     _, _, _, _),
    ("ID-2021-A02", "I202", "ID", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "ASEAN-ACT provided technical input and participated in consultations to inform the development of Indonesia's new national action plan to counter trafficking, including on victim rights and gender equality and social inclusion.",
     _, _, _, _),
    ("ID-2021-A03", "I204", "ID", _, "2021-12-31", "O2.1;O2.3",
     "In partnership with AIPJ2 and an Indonesian civil society organisation, commenced a detailed analysis of Indonesia's trafficking in persons from decisions made by courts from 2019 to 2021.",
     _, _, _, _),
    ("ID-2021-A04", "I299", "ID", _, "2021-12-31", "O2.1;O2.3",
     "LPSK co-hosted an expert roundtable on the non-punishment principle to generate input into our study on the non-punishment principle in ASEAN.",
     _, _, _, _),
    ("ID-2021-A05", "I299", "ID", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "In partnership with AIPJ2 and Australian government agencies, conducted a capacity development assessment workshop for LPSK's 22 officers (10 women and 12 men) from counter-trafficking and counter-terrorism, to determine priorities and support to CTIP and counter-terrorism.",
     22, 10, 12, _),
    ("ID-2021-A06", _, "ID", _, "2021-10-21", "EOPO2",
     "**ACWC Indonesia workshop on 'do no harm'.** On 21 October 2021, ACWC Indonesia conducted a national workshop for 46 stakeholders (35 women, 11 men) from government agencies and non-government organisations. By conducting this workshop, participants contributed their views and experiences to the development of the regional guide.",
     46, 35, 11, _),
]

LAO = [
    ("LA-2021-A01", "L201", "LA", _, "2021-12-31", "O2.1;O2.3",
     "The Anti-Human Trafficking Department conducted a training-of-trainers on investigation of TIP cases for 17 officers (2 women and 15 men) and a consultation workshop on information sharing among law enforcement agencies in TIP cases.",
     17, 2, 15, _),
    ("LA-2021-A02", "L204", "LA", _, "2021-12-31", "O2.1;O2.3",
     "PSC held electronic evidence procedures workshop for 21 judges (5 women and 16 men).",
     21, 5, 16, _),
    # As printed: a Cambodian project code (C204) in the Lao PDR list of achievements.
    ("LA-2021-A03", "C204", "LA", _, "2021-12-31", "O2.1;O2.3",
     "PSC conducted three workshops on leading to the development of victim-sensitive court guidelines for judges.",
     _, _, _, _),
    ("LA-2021-A04", "L206", "LA", _, "2021-12-31", "O2.2",
     "LWU conducted a workshop on victim support and protection, and a training-of-trainers course on victim protection, assistance and referral guidelines.",
     _, _, _, _),
    ("LA-2021-A05", "L207", "LA", _, "2021-12-31", "O2.1;O2.3",
     "OSPP and the Public Prosecutor Training Institute conducted a training-of-trainers course, with 30 participants (11 women and 19 men) to enhance capacity in developing and conducting TIP training, and a workshop to develop a permanent training program for prosecutors.",
     30, 11, 19, _),
    ("LA-2021-A06", "L299", "LA", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "Conducted capacity development assessment workshops for judiciary, prosecutors, police, welfare, social services and foreign ministry officials.",
     _, _, _, _),
    ("LA-2021-A07", _, "LA", _, "2021-09-30", "EOPO2",
     "**Strengthening victim assistance and referral process.** In September 2021, LWU conducted a workshop on victim support and protection for 18 service providers (15 women, 3 men). We also supported the printing of 5,000 copies of guidelines on protection, assistance and referral of TIP victims.",
     18, 15, 3, _),
    ("LA-2021-A08", _, "LA", _, "2021-11-30", "EOPO2",
     "**Strengthening victim assistance and referral process.** The guidelines were used in the training-of-trainers course in November 2021 for 28 participants (24 women, 4 men).",
     28, 24, 4, _),
    ("LA-2021-A09", _, "LA", _, "2021-02-16", "O2.3;O1.3;O2.2",
     "**Development of victim-sensitive court guidelines – the experience of Lao PDR judges.** We organised a workshop on 16 February 2021 for 29 judges and court officials (7 women and 22 men) to discuss the principles and indicators and how they could be applied in the Lao context. The February 2021 workshop generated interest from a senior judge from the People's Supreme Court in developing guidelines for victim-sensitive courts.",
     29, 7, 22, _),
    ("LA-2021-A10", _, "LA", _, "2021-11-30", "O2.3;O1.3;O2.2",
     "**Development of victim-sensitive court guidelines – the experience of Lao PDR judges.** The drafting of the guidelines started in March 2021 and was followed by two consultation drafting workshops on 17–19 August and 10–12 November 2021. In a follow-up survey of judges in November 2021 (75% response rate), about 83% of judges indicated that they retained what they learned, with 42% saying they 'always' had opportunity to apply or shared what they learned, while 58% 'often' had opportunity to apply or shared what they learned.",
     _, _, _, _),
]

PHILIPPINES = [
    ("PH-2021-A01", "P201", "PH", _, "2021-12-31", "O2.1;O2.3",
     "DILG completed three manuals: (1) anti-trafficking roadshow materials, (2) ordinance writing guidebook, and (3) operations manual for the Local Committees on Anti-Trafficking and Violence Against Women and Children.",
     _, _, _, _),
    ("PH-2021-A02", "P202", "PH", _, "2021-12-31", "O2.1;O2.2",
     "DOJ held three victim-sensitive courts focus group discussions on TIP cases in the National Capital Region, Visayas and Mindanao.",
     _, _, _, _),
    ("PH-2021-A03", "P203", "PH", _, "2021-12-31", "O2.1",
     "NBI conducted a validation workshop to review the draft basic and advanced program of instructions for anti-trafficking course.",
     _, _, _, _),
    ("PH-2021-A04", "P204", "PH", _, "2021-12-31", "O2.1",
     "Presented the victim-sensitive court concept to the Technical Working Group of the Supreme Court, composed of the Philippines Judicial Academy, the Office of the Court Administrator and Program Management Office.",
     _, _, _, _),
    # Footnote 7 (the women and men of the 77) is not printed in the report.
    ("PH-2021-A05", "P204", "PH", _, "2021-12-31", "O2.1",
     "The IACAT completed the roundtable discussion on TIP dataset with 77 participants on TIP indicators, data collection principles and challenges.",
     77, _, _, _),
    ("PH-2021-A06", "P202", "PH", _, "2021-12-31", "EOPO2",
     "**Blended e-learning TIP course for prosecutors.** An instructional designer and e-learning developer was engaged to convert existing basic TIP course into e-learning format, as part of the online blended learning course for the NPS. In 2021, the NPS conducted three training for 81 prosecutors (53 women, 28 men) under project P202.",
     81, 53, 28, _),
    ("PH-2021-A07", "P202", "PH", _, "2021-05-31", "EOPO2",
     "**Justice systems coordination mechanism.** The establishment of the Philippines justice system coordination mechanism and signing of the memorandum of agreement for justice system coordination mechanism between the Office of the Court Administration of the Supreme Court and the Inter-Agency Council Against Trafficking (IACAT) in May 2021 are key milestones towards improving practice of monitoring and reporting of TIP cases in the Philippines (project P202).",
     _, _, _, _),
    ("PH-2021-A08", _, "PH", _, "2021-12-14", "EOPO2",
     "**Digital communications training.** On 14–15 December 2021, ASEAN-ACT facilitated a training on digital communications for 24 officers (9 female and 15 male) of the NBI Anti-Human Trafficking Division, Public Information Office and the IACAT.",
     24, 9, 15, _),
    ("PH-2021-A09", _, "PH", _, "2021-10-31", "EOPO2",
     "**Partnership with the IACAT.** In October 2021, the IACAT Secretariat convened the second roundtable discussion with the DOJ on the introduction of anti-trafficking in persons policy in the department's procurement process. By the end of 2021, we supported the IACAT to engage a consultant – to facilitate and support the IACAT in reviewing the strategic plan.",
     _, _, _, _),
    ("PH-2021-A10", _, "PH", _, "2021-10-31", "EOPO2",
     "**E-learning on recovery and reintegration.** A cross-agency collaboration to improve recovery and reintegration of TIP victims was supported by ASEAN-ACT, involving DSWD, IACAT, DOJ, IJM, DILG and SaferKids Philippines. Two workshops in September and October 2021 to develop e-learning course materials for the recovery and reintegration program for TIP victims.",
     _, _, _, _),
]

THAILAND = [
    ("TH-2021-A01", "T201", "TH", _, "2021-12-31", "O2.1",
     "Victim-sensitive court concepts, principles and indicators were presented to the Office of the Judiciary and representatives from the RTP, DSI, OAG, MSDHS and Ministry of Labour.",
     _, _, _, _),
    ("TH-2021-A02", "T202", "TH", _, "2021-12-31", "O2.1;O2.2",
     "DTIPL conducted three batches of fundamental training on TIP prosecution for assistant provincial public prosecutors.",
     _, _, _, _),
    ("TH-2021-A03", "T202", "TH", _, "2021-12-31", "O2.3",
     "DTIPL organised a workshop in December 2021 on prosecutors' roles in prosecuting TIP cases, including coordination with police and other agencies in preparing TIP victims and witnesses.",
     _, _, _, _),
    ("TH-2021-A04", "T206", "TH", _, "2021-12-31", "O2.3",
     "Developed and presented a concept note on new Centre of Excellence to develop CTIP capacity to two national subcommittees and to the National Coordinating and Monitoring of Anti-Trafficking in Persons Performance Committee.",
     _, _, _, _),
    ("TH-2021-A05", "T299", "TH", _, "2021-12-31", "O2.1;O2.2;O2.3",
     "Supported the printing of 5,000 copies of the Child-Centric Approach Guidelines for the Thailand Internet Crimes Against Children (TICAC) Task Force in RTP. The new bilingual materials were distributed to RTP officials for reference whenever they are dealing with child victims.",
     _, _, _, _),
    ("TH-2021-A06", _, "TH", _, "2021-06-30", "EOPO2",
     "**Sharing experience on victim protection and court process.** Workshops were organised in Lao PDR (February 2021), Vietnam (April 2021) and Cambodia (June 2021), with a presentation by the Justice of the Human Trafficking Division of Thailand's Court of Appeal, the Hon. Sittipong Tanyapongpruch. By sharing knowledge and experience, judges learned from each other – a solution to their challenges in practicing victim-sensitive courts.",
     _, _, _, _),
    ("TH-2021-A07", _, "TH", _, "2021-11-30", "EOPO2",
     "**Recovery and reflection period.** The findings of the study on the ‘recovery and reflection period’ for TIP victims were presented to the national working group on reflection period in November 2021. Consequently, the Department of TIP Litigation of the Office of the Attorney General and the Ministry of Social Development and Human security (MSDHS) completed a roadmap to pilot a longer recovery and reflection period for TIP victims.",
     _, _, _, _),
    ("TH-2021-A08", "T203", "TH", _, "2021-11-30", "EOPO2",
     "**Transnational investigative cooperation.** The issue of transnational investigative cooperation is being addressed through police-to-police cooperation between countries (projects T203 and A208). Introductory meeting with RMP was held online in March 2021; introductory meetings with CNP were held in August 2021 (with DSI) and November 2021 (with RTP).",
     _, _, _, _),
    ("TH-2021-A09", _, "TH", _, "2021-03-18", "EOPO2",
     "**UNODC training of judges.** Training course for judges using the UNODC curriculum: Udon Thani on 18–19 March, attended by 19 judges (4 female, 15 male).",
     19, 4, 15, _),
    ("TH-2021-A10", _, "TH", _, "2021-03-25", "EOPO2",
     "**UNODC training of judges.** Training course for judges using the UNODC curriculum: Hat Yai on 25–26 March attended by 27 judges (5 female, 22 male).",
     27, 5, 22, _),
    ("TH-2021-A11", _, "TH", _, "2021-04-08", "EOPO2",
     "**UNODC training of judges.** Training course for judges using the UNODC curriculum: Krabi on 8–9 April, attended by 23 judges (6 female, 17 male).",
     23, 6, 17, _),
]

VIETNAM = [
    ("VN-2021-A01", "V201", "VN", _, "2021-04-30", "O2.1",
     "Ministry of Public Security organised a workshop on enhancing the effectiveness of international cooperation on TIP cases in April 2021, with 49 participants (5 women and 44 men) from law enforcement central agencies and representatives from 12 provinces.",
     49, 5, 44, _),
    ("VN-2021-A02", "V202", "VN", _, "2021-12-31", "O2.1",
     "The Supreme People's Court finalised TIP training materials for judges and court staff, which are currently under review and will be endorsed.",
     _, _, _, _),
    ("VN-2021-A03", "V203", "VN", _, "2021-12-31", "O2.2",
     "The Supreme People's Court organised a workshop on victim-sensitive courts and victim-centred approach for 38 judges (18 women and 20 men).",
     38, 18, 20, _),
    ("VN-2021-A04", "V204", "VN", _, "2021-12-31", "O2.1;O2.2",
     "The Supreme People's Procuracy conducted a 'writeshop' to develop guidance on mutual legal assistance in handling TIP cases.",
     _, _, _, _),
    ("VN-2021-A05", "V205", "VN", _, "2021-12-31", "O2.1;O2.2",
     "A 'training of trainers' was held for CTIP officials from key justice agencies on both the technical aspects of CTIP as well as participatory methods and approaches for designing and delivering training programs.",
     _, _, _, _),
    ("VN-2021-A06", "V299", "VN", _, "2021-12-31", "O2.2;O2.3",
     "MOLISA conducted training for the labour sector on victim-centred and trauma-informed approaches.",
     _, _, _, _),
    ("VN-2021-A07", "V206", "VN", _, "2021-12-31", "EOPO2",
     "**Cross-agency collaboration – our partnership with the Vietnam Women's Union.** In 2021, three batches of training were conducted for 127 victim support frontline officers (110 women, 17 men) from VWU, MPS, SPP, SPC, MOLISA, Peace House Shelter, One-Stop Service Offices, People's Police Academy and People's Police College.",
     127, 110, 17, _),
    # The report prints no project code with this story; the Hanoi Procuratorate
    # University belongs to the Supreme People's Procuracy, whose project is V204.
    ("VN-2021-A08", "V204", "VN", _, "2021-07-30", "EOPO2",
     "**Vietnam TIP Journal.** On 30 July 2021, the Hanoi Procuratorate University (HPU) launched the second Trafficking in Persons Journal; a total of 2,500 copies were printed and distributed. A follow-up survey of those who received the first journal (1,248 people, May 2021) indicated that 24% 'always' use the journal, 51% 'often' use the journal and 23% sometimes use the journal; when asked to rate the overall usefulness of the journal, 36% responded 'extremely useful', 55% responded 'very useful', 8% responded 'moderately useful'.",
     _, _, _, _),
    ("VN-2021-A09", _, "VN", _, "2021-02-28", "EOPO2",
     "**National Plan of Action Against Human Trafficking 2021–2025.** The new National Plan of Action Against Human Trafficking 2021–2025 was submitted to the Prime Minister in January 2021 and enacted in February 2021. Key components include the integration of victim rights and gender equality and social inclusion, and a commitment to establish a TIP data dashboard for relevant CTIP government actors.",
     _, _, _, _),
    ("VN-2021-A10", _, "VN", _, "2021-12-31", "EOPO2",
     "**Capacity development of law enforcement.** In 2021, TIP training materials were completed for the People's Police Academy and local trainings of police officers in the provinces. The training-of-trainers module was used in a training-of-trainers event (24 participants) and a master training course (12 participants), from four police training institutions.",
     _, _, _, _),
    ("VN-2021-A11", _, "VN", _, "2021-01-31", "EOPO2",
     "**Capacity development of law enforcement.** In January 2021, ASEAN-ACT supported a workshop on improving the identification and verification of victims of trafficking, with 47 participants (22 women, 25 men) from different national agencies and representatives of nine provinces.",
     47, 22, 25, _),
]

INCLUSIVE_POLICY = [
    ("IPP-2021-A01", _, "PH", _, "2021-11-30", "EOPO3",
     "**Policy engagement plan.** An introductory policy engagement planning consultation in the Philippines, held in July 2021, was followed by an intensive policy engagement planning workshop with key partners in November 2021, to develop a policy engagement plan for the Philippines, and a strategy and learning plan for implementing the policy engagement.",
     _, _, _, _),
    ("IPP-2021-A02", _, "ASEAN", _, "2021-06-30", "EOPO3",
     "**Grants program.** In 2021, we initiated a grants program in June 2021, to promote joint policy dialogue and learning, providing support to nine non-government organisations (NGOs) selected as partners based on their approach to counter-trafficking, experience, expertise and alignment with ASEAN-ACT principles and strategies.",
     _, _, _, _),
    ("IPP-2021-A03", _, "ASEAN", _, "2021-12-31", "EOPO3",
     "**Applied political economy analysis.** A partnership with the Overseas Development Institute (ODI) was initiated in 2021, to conduct an applied political economy analysis to better understand structural vulnerabilities to trafficking for labour exploitation in Southeast Asia. An initiation workshop was successfully convened and data collection started in the four countries in the first phase (Cambodia, Lao PDR, Thailand and Vietnam).",
     _, _, _, _),
]

O3 = "O3.2;O3.4"
E23 = "EOPO2;EOPO3"

NGOS = [
    # Legal Support for Children and Women (Cambodia)
    ("NGO-LSCW-01", _, "KH", "LSCW", "2021-12-31", E23,
     "Provided legal aid support to 25 trafficking in persons survivors (7 female and 18 male). These survivors were also referred to relevant services.",
     25, 7, 18, _),
    ("NGO-LSCW-02", _, "KH", "LSCW", "2021-12-31", O3,
     "Organised two virtual consultation meetings with members of the NGO Technical Working Group (TWG) on trafficking in persons, a working group of Cambodia's National Committee for Counter Trafficking (NCCT).",
     _, _, _, _),
    ("NGO-LSCW-03", _, "KH", "LSCW", "2021-12-31", O3,
     "Conducted a virtual case management and referral system for Tbong Khmum Provincial Committee to Counter Trafficking (PCCT) and NGO representatives, with 21 participants (10 female and 11 male).",
     21, 10, 11, _),
    ("NGO-LSCW-04", _, "KH", "LSCW", "2021-12-31", O3,
     "Organised three virtual meetings with PCCT in Kampong Cham, Tbong Khmum and Prey Veng provinces, to inform about the project, build partnership and develop telegram group.",
     _, _, _, _),
    ("NGO-LSCW-05", _, "KH", "LSCW", "2021-12-31", O3,
     "Established telegram groups as an e-platform for information sharing, communication and case referrals between PCCT and NGOs in three provinces.",
     _, _, _, _),
    ("NGO-LSCW-06", _, "KH", "LSCW", "2021-12-31", E23,
     "Between July and December 2021, provided legal aid on two cases of trafficking, both are still pending in court.",
     _, _, _, _),
    ("NGO-LSCW-07", _, "KH", "LSCW", "2021-12-31", E23,
     "Referred five irregular migrant workers for vaccination support upon arrival at the quarantine area along the Thai border, through the referral system established by LSCW with the provincial committee.",
     5, _, _, _),
    # Village Focus International (Lao PDR)
    ("NGO-VFI-01", _, "LA", "VFI", "2021-12-31", E23,
     "Identified 33 NGOs and developed a mapping by areas of work, key objectives, target groups and geographic targets.",
     _, _, _, _),
    ("NGO-VFI-02", _, "LA", "VFI", "2021-12-31", O3,
     "Organised a consultation workshop in December 2021, with NGOs in Lao PDR that worked directly or indirectly on counter-trafficking in persons issues focusing on migration in southern provinces. Consultation included relevant government agencies, and representatives from 14 NGOs.",
     _, _, _, _),
    ("NGO-VFI-03", _, "LA", "VFI", "2021-12-31", E23,
     "Established an informal network of NGOs, a key output from the consultation workshop held in December 2021. NGO members are eager to participate and link with VFI.",
     _, _, _, _),
    ("NGO-VFI-04", _, "LA", "VFI", "2021-11-30", O3,
     "Conducted a two-day hybrid training on basic knowledge on TIP and labour migration laws and referral system for suspected TIP cases, in November 2021. The training for 16 NGOs with 30 participants (11 women and 19 men) – also aimed to enhance relationship between VFI and other NGOs working on counter-trafficking in persons.",
     30, 11, 19, _),
    ("NGO-VFI-05", _, "LA", "VFI", "2021-12-31", E23,
     "Commenced the development of a simple TIP victim identification guidelines for NGOs. This will be completed during the first quarter of 2022.",
     _, _, _, _),
    # Blas F Ople Policy Center and Training Institute (Philippines)
    ("NGO-OPLE-01", _, "PH", "OPLE", "2021-11-24", O3,
     "Formed the CAT-OFWs on 24 November 2021, with 19 founding members: 10 NGOs, 4 OFW community organisations, 4 private recruitment agencies and 1 major trade union. Two key events held – formal convening of the coalition, and advocacy plan charted in December.",
     _, _, _, _),
    ("NGO-OPLE-02", _, "PH", "OPLE", "2021-12-31", O3,
     "CAT-OFWs submitted in December 2021 a position paper to the Philippine Congress on proposed Bill creating the Department of Migrant Workers.",
     _, _, _, _),
    ("NGO-OPLE-03", _, "PH", "OPLE", "2021-12-31", O3,
     "Completed analysis for the amendments to the TIP Law, presented to the Chief Legislative Officer, and agreed that the coalition's amendments will be included in the next period amendments in Congress.",
     _, _, _, _),
    ("NGO-OPLE-04", _, "PH", "OPLE", "2021-12-31", O3,
     "Dialogue with key legislative staff and three senators – successfully lobbied to include provisions that strengthen the anti-trafficking mandate of the new DMW.",
     _, _, _, _),
    ("NGO-OPLE-05", _, "PH", "OPLE", "2021-12-31", O3,
     "CAT-OFWs worked with sponsors of the Bill to retain provisions on Fair and Ethical Recruitment which will provide more incentives for private sectors to better protect migrant workers.",
     _, _, _, _),
    ("NGO-OPLE-06", _, "PH", "OPLE", "2021-12-31", O3,
     "Supported the IACAT in successfully lobbied to restore the 25 million pesos budget removed from the IACAT.",
     _, _, _, _),
    ("NGO-OPLE-07", _, "PH", "OPLE", "2021-12-30", "O3.2",
     "**Advocacy for overseas Filipino workers.** Coalition members successfully lobbied for the inclusion of provisions that strengthen the anti-trafficking mandate of the new department; on 14 December 2021, the Senate approved on third and final reading the bill creating the new department. On 30 December, the President signed into law creating the department dedicated to the welfare of OFWs.",
     _, _, _, _),
    # As printed on the NGO summary page, under "32 Blas F Ople Policy Center and
    # Training Institute, Philippines": the event is HRDF's (NGO-HRDF-02).
    ("NGO-OPLE-S1", _, "PH", "OPLE", "2021-12-31", _,
     "Conducted an information event on the anti-TIP law, labour act and government complaint mechanism for 32 agriculture migrant workers.",
     32, _, _, _),
    # Human Rights and Development Foundation (Thailand)
    ("NGO-HRDF-01", _, "TH", "HRDF", "2021-12-31", O3,
     "Recruited a legal officer based in Chiang Mai who is responsible for the partnership with ASEAN-ACT.",
     _, _, _, _),
    # As printed: 27 women and 5 men make 32, not 33.
    ("NGO-HRDF-02", _, "TH", "HRDF", "2021-11-26", O3,
     "Conducted two outreach and awareness-raising events on 30 October and 26 November 2021, with 33 agriculture migrant workers (27 women and 5 men) in Chiang Mai. They learned about the fundamental features of the Anti-Trafficking in Persons Act, the Labour Protection Act and the government complaint mechanism.",
     33, 27, 5, _),
    ("NGO-HRDF-03", _, "TH", "HRDF", "2021-08-31", O3,
     "In August 2021, together with Migrant Working Group, Save the Children and the Foundation for AIDS Rights – published an open letter to the chair of the national Anti-Trafficking in Persons Committee with recommendations on the implementation of anti-trafficking in persons measures and protection mechanisms. The Committee on Foreign Affairs of the House of Representatives had a meeting with relevant government officials and acknowledged the recommendations in the letter.",
     _, _, _, _),
    ("NGO-HRDF-04", _, "TH", "HRDF", "2021-12-31", O3,
     "Three HRDF volunteers (2 female, 1 male) who are studying labour law have also support the partnership with ASEAN-ACT.",
     3, 2, 1, _),
    ("NGO-HRDF-05", _, "TH", "HRDF", "2021-12-31", O3,
     "Conducted a four-day in-house training for HRDF legal staff, to increase their understanding of the CTIP, the Anti-Trafficking in Persons Act and International Labour Organization forced labour indicators.",
     _, _, _, _),
    # Social Responsibility Law Office (Thailand)
    ("NGO-SRLAW-01", _, "TH", "SRLAW", "2021-12-31", O3,
     "Conducted research and analysis of court rulings to inform development of policy briefs. Cases of trafficking in persons and labour exploitation were analysed.",
     _, _, _, _),
    ("NGO-SRLAW-02", _, "TH", "SRLAW", "2021-12-31", O3,
     "Completed two draft policy briefs – on victim identification and compensation for victims, by the end of 2021.",
     _, _, _, _),
    ("NGO-SRLAW-03", _, "TH", "SRLAW", "2021-12-31", O3,
     "Conducted meetings with relevant government agencies to strengthen collaboration and coordination on counter-trafficking in persons.",
     _, _, _, _),
    ("NGO-SRLAW-04", _, "TH", "SRLAW", "2021-12-31", O3,
     "Worked in partnership with other organisations, including ASEAN-ACT's partner such as Verité Southeast Asia Inc., to leverage each others' work. For example, jointly conducting interviews of migrant workers to determine risks to migrant workers, understand the recruitment process and measure to protect migrant workers.",
     _, _, _, _),
    ("NGO-SRLAW-05", _, "TH", "SRLAW", "2021-12-31", O3,
     "Consulted with government and non-government stakeholders in completing policy briefs.",
     _, _, _, _),
    ("NGO-SRLAW-06", _, "TH", "SRLAW", "2021-12-31", O3,
     "Commenced drafting of the policy brief on addressing trafficking in persons in labour exploitation.",
     _, _, _, _),
    ("NGO-SRLAW-07", _, "TH", "SRLAW", "2021-12-31", E23,
     "The lessons and information from research also informed SR Law's training for Fishery Department, Sea Asset Management Office, Ministry of Labour staff and training for police officers.",
     _, _, _, _),
    # Labour Protection Network (Thailand). As printed: the headline 216, while the
    # survey responses listed add to 185 (achievement_figures.csv, survey_by_zone).
    ("NGO-LPN-01", _, "TH", "LPN", "2021-12-31", O3,
     "Collected baseline information from 216 migrant workers on their situation in the three special economic zones in Thailand. Completed in-person survey of migrant workers – 61 workers in Sa Kaeo, 64 workers in Trat and 60 workers in Rayong responded to the survey.",
     216, _, _, _),
    ("NGO-LPN-02", _, "TH", "LPN", "2021-12-31", O3,
     "Conducted 31 key informant interviews, with representatives of regional public office, private sector, community leaders, civil society and government agencies at national level.",
     31, _, _, _),
    ("NGO-LPN-03", _, "TH", "LPN", "2021-12-31", O3,
     "Commenced analysis of data for research report due in mid-2022.",
     _, _, _, _),
    # Verité Southeast Asia Inc. (Thailand)
    ("NGO-VSEA-01", _, "TH", "VSEA", "2021-12-31", O3,
     "Conducted desk research and scoping to better contextualise the issues around in-country recruitment of foreign workers.",
     _, _, _, _),
    ("NGO-VSEA-02", _, "TH", "VSEA", "2021-12-31", O3,
     "Interviewed 43 key stakeholders to inform development of research methodology: key informants such as migrant workers, NGO representatives, recruitment agents, brokers, employers and subject matter experts.",
     43, _, _, _),
    ("NGO-VSEA-03", _, "TH", "VSEA", "2021-12-31", O3,
     "Developed the research framework, methodology and research tools, informed by initial findings from the desk research, scoping and key informant interviews.",
     _, _, _, _),
    ("NGO-VSEA-04", _, "TH", "VSEA", "2021-12-31", O3,
     "Increased knowledge of project team on issues of trafficking in persons and forced labour in Thailand, and linkages to in-country recruitment, due to scoping activities of this partnership.",
     _, _, _, _),
    ("NGO-VSEA-05", _, "TH", "VSEA", "2021-11-30", O3,
     "Started data collection in November 2021, focused in government, civil society organisations, NGOs, and workers. Data collection will continue in 2022 – on targeted interviews with workers, business, recruitment agents and brokers.",
     _, _, _, _),
    # As printed on the NGO summary page, under "29 Verité Southeast Asia Inc.,
    # Thailand": the Blue Dragon section claims the same 29 victims (NGO-BDCF-01).
    ("NGO-VSEA-S1", _, "TH", "VSEA", "2021-12-31", _,
     "Supported the identification, investigation and representation in court of 29 female victims of trafficking in persons, of which 7 were under 18 years old.",
     29, 29, _, _),
    # Blue Dragon Children's Foundation (Vietnam)
    ("NGO-BDCF-01", _, "VN", "BDCF", "2021-09-30", E23,
     "Supported the identification and representation in court of 29 female victims of trafficking in persons (of which 7 were under 18 years), between July and September 2021. Support to investigation of their cases were also provided. These cases have led to the prosecution of 15 traffickers.",
     29, 29, _, _),
    ("NGO-BDCF-02", _, "VN", "BDCF", "2021-12-31", O3,
     "Recruited a research consultancy team, which has completed the desk review of relevant policies, guidelines and reports.",
     _, _, _, _),
    ("NGO-BDCF-03", _, "VN", "BDCF", "2021-12-31", O3,
     "Completed analysis of Blue Dragon's database of victims and court cases.",
     _, _, _, _),
    ("NGO-BDCF-04", _, "VN", "BDCF", "2021-12-31", O3,
     "Completed interviews with Blue Dragon lawyers and legal assistants. Interviews with key national and provincial stakeholders will be conducted in early 2022.",
     _, _, _, _),
    ("NGO-BDCF-05", _, "VN", "BDCF", "2021-12-31", O3,
     "Activities to develop an interagency coordination mechanism were delayed due to travel restrictions in Dien Bien and Ha Giang provinces. However, Blue Dragon continued negotiations with Ha Giang's Department of Labour, Invalids and Social Affairs in preparing a proposal to the provincial People's Council for a decision to enable the department to provide emergency assistance to suspected victims in TIP cases under investigation.",
     _, _, _, _),
    # Migrant Forum Asia (regional: Cambodia, Indonesia, Malaysia, the Philippines, Thailand)
    ("NGO-MFA-01", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Completed the research work plan and design. Research partners in five target countries (Cambodia, Indonesia, Malaysia, the Philippines and Thailand) were confirmed.",
     _, _, _, _),
    ("NGO-MFA-02", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Conducted desk review to support the baseline and development of research methodology, in all five countries.",
     _, _, _, _),
    ("NGO-MFA-03", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Completed the research design and work plan, including a questionnaire for migrant workers.",
     _, _, _, _),
    ("NGO-MFA-04", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Started the first phase of data collection, with target survey respondents of 100 migrant workers in each of the five target countries.",
     _, _, _, _),
    ("NGO-MFA-05", _, "ASEAN", "MFA", "2021-12-31", O3,
     "Completed a draft baseline desk review report for Malaysia, prior to data collection.",
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
