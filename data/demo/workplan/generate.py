#!/usr/bin/env python3
"""Writes the demo work plan: a plan in the shape of the Bohol TIP Work Plan 2017-2020
(seed 000, the Bohol workshop of November 2016), its bodies and focal points, 43 action
lines under the four pillars of the ASEAN Plan of Action (APA), half-yearly status reports
2017-H1..2020-H2 (some missing, some late, some lines delayed), the workshop's follow-up
decisions and later ones, the adoption timeline of seed §22 and consultation inputs.

Deterministic: the same files every run (a fixed random seed). People, e-mail addresses,
notes and dates after the workshop are illustrative, not records.
Usage: generate.py [OUTDIR]   (default: the directory of this script)"""
import csv
import os
import random
import sys

PLAN = "BOHOL-2017-2020"

BODIES = [
    ("SOMTC", "Senior Officials Meeting on Transnational Crime", "sectoral_body"),
    ("DGICM", "Directors-General of Immigration Departments and Heads of Consular Affairs "
              "Divisions of the Ministries of Foreign Affairs", "sectoral_body"),
    ("AICHR", "ASEAN Intergovernmental Commission on Human Rights", "organ"),
    ("ASLOM", "ASEAN Senior Law Officials Meeting", "sectoral_body"),
    ("SOM-ED", "Senior Officials Meeting on Education", "sectoral_body"),
    ("SLOM", "Senior Labour Officials Meeting", "sectoral_body"),
    ("SOMSWD", "Senior Officials Meeting on Social Welfare and Development", "sectoral_body"),
    ("SOMHD", "Senior Officials Meeting on Health Development", "sectoral_body"),
    ("ACWC", "ASEAN Commission on the Promotion and Protection of the Rights of Women and "
             "Children", "organ"),
    ("ASEC", "ASEAN Secretariat", "secretariat"),
    ("AMMTC", "ASEAN Ministerial Meeting on Transnational Crime", "sectoral_body"),
]

# (pillar, provision, articles, area, activity, lead, cooperating, start, end, output,
#  indicator, target). Years None = the plan's years; indicator/target None = a SMART gap.
LINES = [
    # A. Prevention
    ("prevention", "A(a)", "11", "Research and data on trafficking trends",
     "Regional study on the root causes and trends of trafficking in persons in ASEAN",
     "SOMTC", "AICHR;ACWC", 2017, 2018, "Published regional study",
     "Study published and disseminated", "1 study by 2018"),
    ("prevention", "A(b)", "11;12", "Public awareness",
     "Conduct regional awareness-raising campaigns on trafficking in persons for vulnerable communities",
     "SOMTC", "ACWC;SOMSWD", 2017, 2020, "Campaign materials in ASEAN languages",
     "Number of Member States running the campaign", "10 Member States"),
    ("prevention", "A(c)", "11", "Education",
     "Integrate trafficking in persons awareness into school curricula and teacher training",
     "SOM-ED", "ACWC", 2018, 2020, "Curriculum module and teacher guide",
     "Module adopted by education ministries", "5 Member States"),
    ("prevention", "A(d)", "11", "Safe migration",
     "Pre-departure orientation on safe migration and the risks of trafficking for migrant workers",
     "SLOM", "DGICM", 2017, 2020, "Orientation package", None, None),
    ("prevention", "A(e)", "12", "Labour recruitment",
     "Regional guidelines on ethical recruitment and the regulation of recruitment agencies",
     "SLOM", "SOMTC", 2018, 2019, "Guidelines", "Guidelines endorsed by SLOM", "2019"),
    ("prevention", "A(f)", "11", "Online recruitment",
     "Workshop on the misuse of the internet and social media to recruit victims of trafficking",
     "SOMTC", "", 2019, 2019, "Workshop report", "Workshop held", "1 workshop"),
    ("prevention", "A(g)", "11;13", "Border management",
     "Strengthen document security and detection of fraudulent travel documents at borders",
     "DGICM", "SOMTC", 2017, 2020, "Training and equipment needs assessment",
     "Officers trained", "200 officers"),
    ("prevention", "A(h)", "12", "Demand reduction",
     "Regional dialogue with the private sector on trafficking-free supply chains",
     "SLOM", "AICHR", None, None, "Dialogue outcome statement", None, None),
    ("prevention", "A(i)", "11", "Children",
     "Community-based child protection networks in high-risk areas",
     "SOMSWD", "ACWC", 2017, 2020, "Network toolkit", "Networks set up", "20 networks"),
    ("prevention", "A(j)", "11", "Health sector",
     "Train health workers to recognise signs of trafficking among patients",
     "SOMHD", "SOMSWD", 2018, 2020, "Training module", "Health workers trained", "300"),
    ("prevention", "A(k)", "11;12", "Public awareness",
     "ASEAN Day against Trafficking in Persons commemorative events", "ASEC", "SOMTC", 2017,
     2020, "Annual event", "Events held", "4 events"),
    # B. Protection of victims
    ("protection", "B(a)", "14", "Victim identification",
     "Develop regional guidelines on victim identification for frontline officers",
     "SOMTC", "ACWC;DGICM", 2017, 2018, "Regional guidelines",
     "Guidelines adopted", "Adopted by SOMTC in 2018"),
    ("protection", "B(b)", "14;15", "Shelters",
     "Minimum standards for shelters and care of victims of trafficking",
     "SOMSWD", "ACWC", 2017, 2019, "Shelter standards", "Standards adopted", "2019"),
    ("protection", "B(c)", "14", "Training",
     "Training of frontline officers on the victim-centred approach",
     "ACWC", "SOMSWD", 2017, 2020, "Training curriculum", "Officers trained", "500 officers"),
    ("protection", "B(d)", "14", "Return and reintegration",
     "Regional guidelines on the safe return and reintegration of victims of trafficking",
     "SOMSWD", "DGICM;SLOM", 2018, 2020, "Guidelines", "Guidelines adopted", "2020"),
    ("protection", "B(e)", "14", "Child victims",
     "Gender-sensitive and child-friendly procedures for interviewing child victims",
     "ACWC", "SOMTC", 2017, 2019, "Procedures and training kit", None, "2019"),
    ("protection", "B(f)", "14", "Health care",
     "Access of victims to physical and mental health care and psychosocial support",
     "SOMHD", "SOMSWD;ACWC", 2018, 2020, "Service mapping", "Services mapped", "10 Member States"),
    ("protection", "B(g)", "15", "Compensation",
     "Study on compensation and legal remedies for victims of trafficking",
     "AICHR", "ASLOM", 2019, 2020, "Thematic study", "Study published", "1 study"),
    ("protection", "B(h)", "14", "Case management",
     "Regional case management and referral mechanism for victims across borders",
     "SOMSWD", "SOMTC;DGICM", 2018, 2020, "Referral protocol", None, None),
    ("protection", "B(i)", "14", "Social workers",
     "Capacity building of social workers on trauma-informed care of victims",
     "SOMSWD", "", 2017, 2018, "Training module", "Social workers trained", "250"),
    ("protection", "B(j)", "14", "Victim identification",
     "Handbook on the identification of victims of trafficking for labour inspectors",
     "SLOM", "SOMTC", 2019, 2020, "Handbook", "Handbook published", "2020"),
    # C. Law enforcement and prosecution
    ("law_enforcement", "C(a)", "5;16", "Legislation",
     "Review of national laws against the ACTIP criminalisation provisions",
     "ASLOM", "SOMTC", 2017, 2018, "Gap analysis", "Member States reviewed", "10"),
    ("law_enforcement", "C(b)", "14;16", "Victim identification",
     "Develop regional guidelines for frontline officers on the identification of victims",
     "SOMTC", "DGICM", 2017, 2018, "Guidelines", "Guidelines adopted", "2018"),
    ("law_enforcement", "C(c)", "16", "Specialised units",
     "Establish or strengthen specialised anti-trafficking units in law enforcement agencies",
     "SOMTC", "", 2017, 2020, "Units in place", "Member States with units", "10"),
    ("law_enforcement", "C(d)", "16", "Training",
     "Training of front-line officials on the victim-centered approach",
     "SOMTC", "ACWC", 2018, 2020, "Training delivered", "Officials trained", "400"),
    ("law_enforcement", "C(e)", "16;17", "Prosecutors and judges",
     "Regional training for prosecutors and judges on trafficking cases and victim protection in court",
     "ASLOM", "SOMTC;AICHR", 2017, 2020, "Training course", "Prosecutors and judges trained",
     "150"),
    ("law_enforcement", "C(f)", "8", "Corruption",
     "Study on corruption and the complicity of public officials in trafficking",
     "SOMTC", "ASLOM", 2019, 2020, "Study", None, None),
    ("law_enforcement", "C(g)", "7", "Financial investigation",
     "Financial investigation and asset recovery in trafficking cases",
     "SOMTC", "ASLOM", 2018, 2020, "Practitioners' guide", "Guide published", "2020"),
    ("law_enforcement", "C(h)", "16", "Witness protection",
     "Witness protection measures for victims who testify against traffickers",
     "ASLOM", "SOMSWD", 2018, 2019, "Model provisions", "Model provisions circulated", "2019"),
    ("law_enforcement", "C(i)", "16", "Data",
     "Harmonised data collection on investigations, prosecutions and convictions",
     "SOMTC", "ASEC", 2017, 2020, "Data template", "Member States reporting data", "10"),
    ("law_enforcement", "C(j)", "6", "Organised crime",
     "Joint investigations of transnational trafficking networks", "SOMTC", "DGICM", None, None,
     "Joint operations", None, None),
    # D. Regional and international cooperation and coordination
    ("cooperation", "D(a)", "18", "Mutual legal assistance",
     "Strengthen mutual legal assistance in criminal matters for trafficking cases",
     "ASLOM", "SOMTC", 2017, 2020, "Central authorities network", "Requests processed",
     "Average time halved"),
    ("cooperation", "D(b)", "11;12", "Public awareness",
     "Conduct regional awareness raising campaign on trafficking in persons for vulnerable communities",
     "ACWC", "SOMTC", 2018, 2020, "Campaign", "Campaigns held", "3"),
    ("cooperation", "D(c)", "19", "Extradition",
     "Workshop on extradition in trafficking in persons cases", "ASLOM", "", 2019, 2019,
     "Workshop report", "Workshop held", "1"),
    ("cooperation", "D(d)", "20", "Law enforcement cooperation",
     "Information exchange between immigration and police on trafficking suspects",
     "DGICM", "SOMTC", 2017, 2020, "Information-sharing protocol", "Protocol in force", "2019"),
    ("cooperation", "D(e)", "21", "Focal points",
     "Maintain the list of multi-sectoral focal points for the Work Plan", "ASEC",
     "SOMTC", 2017, 2020, "Up-to-date list", "List updated twice a year", "8 updates"),
    ("cooperation", "D(f)", "22", "Partners",
     "Cooperation with Dialogue Partners and international organisations on trafficking",
     "ASEC", "SOMTC", 2017, 2020, "Partnership projects", "Projects", "5"),
    ("cooperation", "D(g)", "24", "Monitoring",
     "Twice-yearly monitoring of the Work Plan and mid-term and final reviews",
     "SOMTC", "ASEC", 2017, 2020, "Monitoring reports", "Reports issued", "8 reports, 2 reviews"),
    ("cooperation", "D(h)", "14;20", "Repatriation",
     "Bilateral arrangements for the repatriation of victims", "DGICM", "SOMSWD", 2018, 2020,
     "Arrangements", None, None),
    ("cooperation", "D(i)", "11", "Research network",
     "Network of ASEAN research institutes on trafficking in persons", "SOM-ED", "SOMTC",
     2019, 2020, "Network", "Institutes joined", "15"),
    ("cooperation", "D(j)", "", "Human rights",
     "Human rights-based approach in implementing ACTIP: regional consultation",
     "AICHR", "SOMTC", 2017, 2017, "Consultation report", "Consultation held", "1"),
    ("cooperation", "D(k)", "18;19", "Legal cooperation",
     "Handbook on international legal cooperation in trafficking cases", "ASLOM", "SOMTC",
     2018, 2019, "Handbook", "Handbook published", "2019"),
    ("cooperation", "D(l)", "11", "Labour migration",
     "Cooperation between labour and immigration authorities on irregular migrant workers",
     "SLOM", "DGICM", 2017, 2020, "Joint guidelines", "Guidelines", "2020"),
]

FOCAL_NAMES = ["Ana Reyes", "Budi Santoso", "Chanthy Sok", "Dao Minh", "Ei Phyu", "Farah Aziz",
               "Gan Wei Ling", "Hassan Nordin", "Intan Sari", "Jose Mendoza", "Kham Phet",
               "Lina Tan", "Mya Thandar", "Nguyen Lan", "Orathai Suk", "Pich Dara"]

NOTES = {
    "not_started": ["Concept note under preparation.", "Awaiting funding confirmation.",
                    "Scheduled to start next year."],
    "ongoing": ["Drafting in progress; first draft circulated.", "Two national sessions held.",
                "Consultant engaged; inception report received.",
                "Materials translated into four languages.", "Pilot in three Member States."],
    "delayed": ["Delayed for lack of funding.", "Postponed: host Member State changed.",
                "Awaiting inputs from several Member States.",
                "Consultant recruitment took longer than planned."],
    "completed": ["Completed; report circulated to all sectoral bodies.",
                  "Adopted and published.", "Completed as planned."],
    "cancelled": ["Cancelled: merged into another action line.",
                  "Cancelled: covered by a Dialogue Partner project."],
}


def periods():
    return [f"{y}-H{h}" for y in range(2017, 2021) for h in (1, 2)]


def write(outdir, name, header, rows):
    with open(os.path.join(outdir, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def end_date(period, days):
    """The date `days` after the period's end, as YYYY-MM-DD."""
    import datetime
    y, h = int(period[:4]), int(period[-1])
    end = datetime.date(y, 6, 30) if h == 1 else datetime.date(y, 12, 31)
    return (end + datetime.timedelta(days=days)).isoformat()


def status_rows(rng):
    rows = []
    never = {"C(j)", "A(h)"}          # never reported by their lead body
    slow = {"B(d)", "C(f)", "D(h)", "A(c)"}  # delayed for several periods
    early = {"A(a)", "B(a)", "D(j)", "A(k)", "C(i)"}  # completed early (A(k), C(i) before their end)
    cancelled = {"C(b)"}              # the duplicate of B(a), cancelled when streamlined
    for i, ln in enumerate(LINES):
        pillar, prov, _, _, _, lead, coop, sy, ey = ln[:9]
        sy, ey = sy or 2017, ey or 2020
        item = f"BTWP-{i + 1:02d}"
        if prov in never:
            continue
        state = "not_started"
        for per in periods():
            y = int(per[:4])
            if y < sy or y > ey:
                continue
            # advance the line's state
            if state in ("completed", "cancelled"):
                break
            if prov in cancelled and per == "2018-H1":
                state = "cancelled"
            elif prov in early and per >= f"{sy}-H2" and state == "ongoing":
                state = "completed"
            elif prov in slow and per >= "2018-H1" and per <= "2019-H2":
                state = "delayed" if state != "not_started" or per > "2018-H1" else "ongoing"
            elif per == f"{ey}-H2" and state in ("ongoing", "delayed"):
                state = "completed" if rng.random() < 0.7 else "ongoing"
            elif state == "not_started":
                state = "ongoing" if rng.random() < 0.75 else "not_started"
            elif state == "ongoing" and rng.random() < 0.08:
                state = "delayed"
            elif state == "delayed" and rng.random() < 0.6:
                state = "ongoing"
            # some reports are missing, some late, a few without a date
            if rng.random() < 0.12 and per not in ("2020-H2",) and prov not in early:
                continue
            r = rng.random()
            days = rng.randint(5, 30) if r < 0.72 else rng.randint(31, 80)
            reported_on = end_date(per, days) if r < 0.96 else ""
            rows.append([item, per, lead, state, rng.choice(NOTES[state]), reported_on])
            # a cooperating body sometimes reports too; its report never sets the state
            coops = [c for c in coop.split(";") if c]
            if coops and rng.random() < 0.2:
                other = rng.choice(["ongoing", "completed"])
                rows.append([item, per, coops[0], other,
                             f"{coops[0]} contribution: " + rng.choice(NOTES[other]),
                             end_date(per, rng.randint(10, 45))])
    return rows


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(20161117)
    write(outdir, "bodies.csv", ["code", "name", "kind"], BODIES)
    write(outdir, "plans.csv", ["plan", "title", "start_year", "end_year", "overseen_by"],
          [[PLAN, "Bohol TIP Work Plan 2017-2020", 2017, 2020, "SOMTC"]])
    fp = []
    names = iter(FOCAL_NAMES)
    for code, _, _ in BODIES:
        if code == "AMMTC":
            continue
        n = next(names)
        fp.append([code, n, n.lower().replace(" ", ".") + "@example.org", "focal point"])
        if code in ("SOMTC", "ASEC", "ACWC"):
            n = next(names)
            fp.append([code, n, n.lower().replace(" ", ".") + "@example.org", "alternate"])
    write(outdir, "focal_points.csv", ["body", "name", "email", "role"], fp)
    items = []
    for i, ln in enumerate(LINES):
        pillar, prov, arts, area, act, lead, coop, sy, ey, out, ind, tgt = ln
        items.append([f"BTWP-{i + 1:02d}", PLAN, pillar, prov, arts, area, act, lead, coop,
                      sy or "", ey or "", out, ind or "", tgt or ""])
    write(outdir, "workplan.csv",
          ["item_id", "plan", "pillar", "apa_provision", "actip_articles", "area", "activity",
           "lead_body", "cooperating_bodies", "start_year", "end_year", "expected_output",
           "indicator", "target"], items)
    write(outdir, "workplan_status.csv",
          ["item_id", "period", "body", "status", "note", "reported_on"], status_rows(rng))
    write(outdir, "meetings.csv", ["meeting", "plan", "title", "venue", "held_on"], [
        ["BOHOL-2016", PLAN, "Workshop on ASEAN cross-sectoral collaboration against TIP",
         "Bohol, Philippines", "2016-11-17"],
        ["XSEC-2017-03", PLAN, "Cross-sectoral meeting on the draft Work Plan",
         "Manila, Philippines", "2017-03-22"],
        ["MTR-2019-03", PLAN, "Mid-term review meeting of the Bohol TIP Work Plan",
         "Jakarta, Indonesia", "2019-03-14"],
        # A meeting tied to no work plan: the programme's regional steering committee
        # (its third meeting, co-hosted with SOMTC-Philippines, seed 004).
        ["RPSC-2021-12", "", "Third Regional Program Steering Committee meeting (ASEAN-ACT)",
         "Online", "2021-12-07"],
    ])
    write(outdir, "decisions.csv",
          ["meeting", "no", "decision", "timeline", "due_on", "follow_up_by", "status",
           "done_on", "note"], [
        ["BOHOL-2016", 1, "To circulate the draft Work Plan to seek inputs.",
         "Early January 2017", "2017-01-10", "SOMTC;ASEC", "done", "2017-01-06",
         "with the other Sectoral Bodies/Organs"],
        ["BOHOL-2016", 2, "To send round the matrix of multi-sectoral focal points "
         "together with its description.", "Immediate", "2016-11-30", "SOMTC;ASEC", "done",
         "2016-12-05", ""],
        ["BOHOL-2016", 3, "To develop a chapeau paragraph giving the background and rationale "
         "of the Work Plan.", "Before the cross-sectoral meeting", "2017-03-15", "SOMTC",
         "done", "2017-03-10", ""],
        ["BOHOL-2016", 4, "To discuss an additional outcome column of the Work Plan at the "
         "next workshop.", "Next workshop", "2017-12-31", "SOMTC", "in_progress", "", ""],
        ["XSEC-2017-03", 1, "To streamline the action lines replicated under different "
         "provisions.", "Before adoption", "2017-05-15", "SOMTC", "done", "2017-05-02", ""],
        ["XSEC-2017-03", 2, "To align the monitoring template with the Work Plan.",
         "By the first monitoring round", "2017-07-31", "SOMTC;ASEC", "done", "2017-07-20", ""],
        ["MTR-2019-03", 1, "To submit the missing status reports for 2018-H2.", "Three months",
         "2019-06-30", "SLOM;SOMHD;DGICM", "open", "", ""],
        ["MTR-2019-03", 2, "To update the list of focal points.", "September 2019",
         "2019-09-30", "ASEC", "done", "2019-09-12", ""],
        ["MTR-2019-03", 3, "To mobilise resources for delayed action lines.", "End of 2020",
         "2020-12-31", "SOMTC;ASEC", "open", "", ""],
        ["RPSC-2021-12", 1, "To bring the programme's 2022 activities before the SOMTC focal "
         "points ahead of the next work plan.", "First half of 2022", "2022-06-30", "SOMTC",
         "open", "", ""],
        ["RPSC-2021-12", 2, "To share the 2021 annual progress report with every member "
         "state represented.", "January 2022", "2022-01-31", "ASEC", "done", "2022-01-20", ""],
    ])
    write(outdir, "adoption_steps.csv", ["plan", "step", "body", "due_on", "done_on", "note"], [
        [PLAN, "drafted", "SOMTC", "2016-12-31", "2016-12-20",
         "SOMTC-Philippines streamlines the workshop's draft"],
        [PLAN, "circulated", "SOMTC", "2017-01-10", "2017-01-06",
         "draft circulated to all Sectoral Bodies/Organs by early January 2017"],
        [PLAN, "inputs_due", "", "2017-01-31", "2017-02-03",
         "deadline for Sectoral Bodies/Organs to provide inputs: end of January 2017"],
        [PLAN, "consulted", "SOMTC", "2017-03-31", "2017-03-22",
         "subsequent cross-sectoral meeting, March 2017"],
        [PLAN, "adopted", "SOMTC", "2017-05-31", "2017-05-25",
         "final clean-up by the 14th SOMTC Working Group on TIP; adopted by the 17th SOMTC, "
         "Lao PDR (tentatively May 2017)"],
        [PLAN, "noted", "AMMTC", "2017-09-30", "2017-09-20",
         "noted by the 11th AMMTC in the Philippines, September 2017"],
        [PLAN, "recognised", "", "2017-11-30", "2017-11-13",
         "the 31st ASEAN Summit recognises the cross-sectoral collaboration against TIP"],
    ])
    write(outdir, "consultation_inputs.csv",
          ["plan", "body", "item_id", "submitted_on", "comment"], [
        [PLAN, "ACWC", "BTWP-12", "2017-01-20",
         "Please add child-friendly procedures to the victim identification guidelines."],
        [PLAN, "ACWC", "BTWP-23", "2017-01-20",
         "This line repeats BTWP-12 under law enforcement; suggest merging."],
        [PLAN, "SLOM", "BTWP-04", "2017-01-25",
         "SLOM can lead pre-departure orientation; cooperation of DGICM welcome."],
        [PLAN, "AICHR", "", "2017-01-27",
         "A human rights-based approach should run through every pillar."],
        [PLAN, "DGICM", "BTWP-07", "2017-01-30", "Add a target for trained officers."],
        [PLAN, "SOMSWD", "BTWP-13", "2017-01-31",
         "Shelter standards should cover male victims and children separately."],
        [PLAN, "SOMHD", "BTWP-17", "2017-02-03",
         "Late input: health care access should include mental health."],
        [PLAN, "SOM-ED", "BTWP-03", "2017-01-31", "Start in 2018 to fit the curriculum cycle."],
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
