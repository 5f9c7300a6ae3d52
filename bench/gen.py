#!/usr/bin/env python3
"""Benchmark data generator: writes a synthetic data-collection set (framework.csv,
projects.csv, activities.csv, participants.csv, feedback.csv) in the format of
spec/data-collection.md, with N participant rows (attendances).

    bench/gen.py N OUTDIR [--seed S] [--year Y]

Deterministic (the same arguments give byte-identical files), standard library only,
and streaming: activities, their participants and their feedback are generated and
written one event at a time, and a person's attributes are computed from a hash of
(country, person number) instead of being kept in a table, so memory stays constant
whatever N is.

Shape of the data:
  - ~40 projects across KH, LA, PH, TH, VN, ID and ASEAN (a few victim_rights_gesi);
  - about N/30 activities (event sizes 10-80, skewed towards small events) over the
    years Y-2, Y-1 and Y, mostly Y; types capacity_development, meeting, other and
    staff_event;
  - participants: ~70% of rows carry a person_id, ~15% an e-mail only, ~10% a
    full_name only (Khmer, Lao, Thai, Vietnamese and Latin scripts), ~5% no
    identifier; people attend several events (a skewed pick from a pool of about N/3
    people per run); ~1% of rows are staff = yes; a few people identified by
    person_id or e-mail give a different sex or country at some events, so the
    "earliest attendance" rule matters;
  - feedback: ~30% of capacity-development attendances leave an anonymous row.

Names are written the way people type them: about one name in five is changed
between events by a variant that actip's name key (data-collection.md: Unicode NFKC,
case folding, white space collapsed) must see through: decomposed (NFD) letters,
upper or lower case (Latin and Vietnamese; Khmer, Lao and Thai have no case), doubled
or leading spaces. SQL lower() cannot do that, so the generator also writes, for the
sqlite3 cross-check only, ref/name_keys.csv: for each participant row identified by
its name alone (no person_id, no e-mail), the row's number (the sqlite3 shell's rowid)
and the key Python computes the same way (NFKC of the case-folded NFKD form, white
space collapsed). actip never reads ref/ (it imports the CSV files of the directory
itself). E-mails are ASCII (actip lower-cases them ASCII-only, as lower() does) and may
carry a stray trailing space or capitals. Sex and country are always written as the
canonical words/codes.
"""
import argparse
import csv
import os
import random
import sys
import unicodedata

MASK = (1 << 64) - 1


def mix(x):
    """splitmix64 finaliser: a fast, well-spread 64-bit hash of an integer."""
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def nfkc(words):
    return [unicodedata.normalize("NFKC", w) for w in words]


def name_key(name):
    """actip's name key (core/text.c): NFKC + case folding, white space collapsed."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKD", name).casefold())
    return " ".join(folded.split())


def variant(name, u, v):
    """One way of writing name, picked by u and v in [0, 1): mostly as it is."""
    if u < 0.80:
        return name
    if u < 0.85:
        return unicodedata.normalize("NFD", name)
    if u < 0.90:
        return name.upper() if v < 0.5 else name.lower()
    if u < 0.95:
        return name.replace(" ", "  ", 1)
    return " " + name if v < 0.5 else name.replace(" ", "   ")


# Given names (female, male) and family names per country, in the country's script.
NAMES = {
    "KH": (nfkc(["សុខា", "ចាន់ធា", "សុភា", "ស្រីពៅ", "ម៉ាលី", "ធីតា", "បុប្ផា", "រតនា"]),
           nfkc(["ដារា", "សុខ", "វិចិត្រ", "សំណាង", "ពិសិដ្ឋ", "រិទ្ធី", "វណ្ណា", "បូរ៉ា"]),
           nfkc(["ចាន់", "សុខ", "ហេង", "លី", "ខៀវ", "ម៉ៅ", "សេង", "ពេជ្រ", "គឹម", "អ៊ុំ"])),
    "LA": (nfkc(["ບົວພັນ", "ສົມພອນ", "ນາລີ", "ຄຳແພງ", "ມະນີວັນ", "ພອນສະຫວັນ", "ແສງເດືອນ"]),
           nfkc(["ສົມຊາຍ", "ບຸນມີ", "ທອງສຸກ", "ວິໄລ", "ຄຳພອນ", "ສີສຸພັນ", "ບຸນເຫຼືອ"]),
           nfkc(["ພົມມະຈັນ", "ສີຫາລາດ", "ວົງສາ", "ແກ້ວມະນີ", "ສຸລິຍະວົງ", "ໄຊຍະວົງ", "ພັນທະວົງ"])),
    "TH": (nfkc(["สมศรี", "มาลี", "วันดี", "สุนิสา", "กาญจนา", "ปราณี", "รัตนา", "อรุณี"]),
           nfkc(["สมชาย", "ประเสริฐ", "วิชัย", "สุรชัย", "อนันต์", "ธนากร", "กิตติ", "ณัฐพล"]),
           nfkc(["ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "บุญมา", "ทองดี", "จันทร์เพ็ญ", "รักษ์ไทย", "สุขสันต์"])),
    "VN": (nfkc(["Thị Hoa", "Thị Lan", "Ngọc Anh", "Thu Hương", "Minh Thư", "Thị Mai", "Bích Ngọc", "Hồng Nhung"]),
           nfkc(["Văn Hùng", "Minh Đức", "Quốc Bảo", "Văn Nam", "Đức Anh", "Thanh Tùng", "Hoàng Long", "Văn Tài"]),
           nfkc(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Võ", "Vũ"])),
    "PH": (nfkc(["Maria", "Ana", "Josefina", "Cristina", "Rosario", "Angelica", "Liza", "Marites"]),
           nfkc(["Jose", "Juan", "Ramon", "Eduardo", "Antonio", "Mark", "Paolo", "Rodel"]),
           nfkc(["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Villanueva"])),
    "ID": (nfkc(["Siti", "Dewi", "Sri", "Putri", "Ayu", "Rina", "Wulan", "Indah"]),
           nfkc(["Budi", "Agus", "Joko", "Rizky", "Dedi", "Hendra", "Eko", "Bambang"]),
           nfkc(["Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho", "Siregar"])),
    # Other member states and ASEAN bodies: Latin names, with diacritics for some.
    "*": (nfkc(["Nur Aisyah", "Aung Myat", "Hnin Wai", "Mei Ling", "Ana Lúcia", "Siti Aminah", "Thiri", "Chloé"]),
          nfkc(["Ahmad", "Kyaw Zin", "Wei Jie", "Zaw Min", "João", "Hafiz", "Aung Ko", "Rafael"]),
          nfkc(["Abdullah", "Tan", "Lim", "Win", "Soe", "da Silva", "Ximenes", "Ibrahim"])),
}
# ASCII transliterations for e-mail local parts.
ASCII_GIVEN = ["sokha", "dara", "bounmy", "somchai", "malee", "hoa", "minh", "maria",
               "jose", "siti", "budi", "aisyah", "kyaw", "weijie", "joao", "lan"]
ASCII_FAMILY = ["chan", "heng", "phommachanh", "srisuk", "nguyen", "tran", "santos",
                "reyes", "wijaya", "saputra", "tan", "lim", "win", "ximenes"]
DOMAINS = {"KH": "gov.kh", "LA": "gov.la", "TH": "go.th", "VN": "gov.vn", "PH": "gov.ph",
           "ID": "go.id", "MY": "gov.my", "MM": "gov.mm", "SG": "gov.sg", "BN": "gov.bn",
           "TL": "gov.tl", "ASEAN": "asean.org"}

PROJECT_COUNTRIES = ["KH", "LA", "PH", "TH", "VN", "ID", "ASEAN"]
ALL_COUNTRIES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN", "ASEAN"]
TYPES = ["capacity_development", "meeting", "other", "staff_event"]
TYPE_WEIGHTS = [50, 30, 12, 8]
MODES = ["in_person", "online", "hybrid", ""]
ORGS = ["Ministry of Justice", "National Police", "Department of Social Welfare",
        "Office of the Attorney General", "Immigration Department", "Labour Ministry",
        "Women's Union", "Legal Aid Centre", "Border Police, Northern Region"]
TOPICS = ["Victim identification", "Financial investigation", "Trauma-informed interviewing",
          "Case management", "Mutual legal assistance", "Labour exploitation",
          "Online sexual exploitation", "Victim protection", "Prosecution of trafficking, "
          "advanced", "Coordination meeting"]
OUTCOMES = ["O1.1", "O1.2", "O2.1", "O2.2", "O2.3"]

# Share of participant rows that come from the activity's own country; the rest are
# drawn from every country (always, for ASEAN activities: half own, half any).
OWN_COUNTRY = 0.8


def write_framework(path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "level", "parent", "title"])
        w.writerow(["GOAL", "goal", "", "ASEAN member states combat trafficking in persons"])
        w.writerow(["EOPO1", "eopo", "GOAL", "Justice systems are more effective"])
        w.writerow(["EOPO2", "eopo", "GOAL", "Victims' rights are better protected"])
        for code in OUTCOMES:
            parent = "EOPO1" if code.startswith("O1") else "EOPO2"
            w.writerow([code, "immediate", parent, "Outcome " + code[1:]])


def write_projects(path, rng, year):
    """About 40 projects; returns {country: [project codes]}."""
    by_country = {c: [] for c in PROJECT_COUNTRIES}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "title", "country", "focus", "partner", "outcomes",
                    "start_year", "end_year"])
        n = 0
        for c in PROJECT_COUNTRIES:
            count = 10 if c == "ASEAN" else 5
            for i in range(count):
                n += 1
                code = ("R" if c == "ASEAN" else "C") + str(100 + n)
                focus = ""
                if c == "ASEAN":
                    focus = "victim_rights_gesi" if i < 3 else "regional"
                outs = ";".join(sorted(rng.sample(OUTCOMES, rng.randint(1, 2))))
                w.writerow([code, "%s project %d" % (rng.choice(TOPICS), n), c, focus,
                            "Partner agency %d" % n, outs, year - 3, year + 2])
                by_country[c].append(code)
    return by_country


class People:
    """A person's attributes from (country, number) alone, so nothing is stored."""

    def __init__(self, seed):
        self.salt = mix(seed * 7919 + 17)

    def person(self, country, idx):
        h = mix(self.salt ^ (ALL_COUNTRIES.index(country) << 40) ^ idx)
        u = (h & 0xFFFF) / 65536.0
        kind = "id" if u < 0.70 else "email" if u < 0.85 else "name" if u < 0.95 else "none"
        s = (h >> 16) & 0xFF
        sex = "female" if s < 133 else "male" if s < 250 else "other"
        staff = ((h >> 24) & 0x3FF) < 10                        # ~1%
        conflict = kind in ("id", "email") and ((h >> 34) & 0x3FF) < 15   # ~1.5%
        names = NAMES.get(country, NAMES["*"])
        given = names[0 if sex == "female" else 1]
        g = given[(h >> 44) % len(given)]
        g2 = given[(h >> 50) % len(given)]
        fam = names[2][(h >> 56) % len(names[2])]
        # given + second given (for ~half) + family: enough distinct names that
        # name-only people mostly stay apart (those that collide are one person to
        # both actip and the SQL, consistently).
        full = "%s %s %s" % (fam, g, g2) if (h >> 43) & 1 and g2 != g else "%s %s" % (fam, g)
        email = "%s.%s%d@%s" % (ASCII_GIVEN[(h >> 44) % len(ASCII_GIVEN)],
                                ASCII_FAMILY[(h >> 52) % len(ASCII_FAMILY)], idx,
                                DOMAINS[country])
        org = ORGS[(h >> 40) % len(ORGS)]
        return kind, sex, staff, conflict, full, email, org


def main(argv):
    ap = argparse.ArgumentParser(description="Write a synthetic actip benchmark data set.")
    ap.add_argument("n", type=int, help="participant rows (attendances)")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", type=int, default=2021)
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(a.seed)
    year = a.year
    N = a.n

    write_framework(os.path.join(a.outdir, "framework.csv"))
    projects = write_projects(os.path.join(a.outdir, "projects.csv"), rng, year)

    # Expected share of rows per participant country, to size each country's pool of
    # people so that the whole pool is about N/3 people (3 attendances each on average).
    share = {c: (1 - OWN_COUNTRY) / len(ALL_COUNTRIES) for c in ALL_COUNTRIES}
    for c in PROJECT_COUNTRIES:
        share[c] += OWN_COUNTRY / len(PROJECT_COUNTRIES)
    pool = {c: max(20, int(N / 3 * share[c])) for c in ALL_COUNTRIES}

    people = People(a.seed)
    person = people.person
    random_ = rng.random
    choice = rng.choice
    years = [year - 2, year - 1, year]
    year_weights = [15, 20, 65]
    month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    seq_by_country_year = {}

    fa = open(os.path.join(a.outdir, "activities.csv"), "w", newline="", encoding="utf-8")
    fp = open(os.path.join(a.outdir, "participants.csv"), "w", newline="", encoding="utf-8")
    os.makedirs(os.path.join(a.outdir, "ref"), exist_ok=True)
    fk = open(os.path.join(a.outdir, "ref", "name_keys.csv"), "w", newline="", encoding="utf-8")
    ff = open(os.path.join(a.outdir, "feedback.csv"), "w", newline="", encoding="utf-8")
    wa = csv.writer(fa, lineterminator="\n")
    wp = csv.writer(fp, lineterminator="\n")
    wf = csv.writer(ff, lineterminator="\n")
    wk = csv.writer(fk, lineterminator="\n")
    wk.writerow(["row", "key"])
    wa.writerow(["activity_id", "project", "country", "type", "title", "start_date",
                 "end_date", "mode", "outcomes"])
    wp.writerow(["activity_id", "person_id", "email", "full_name", "sex", "country",
                 "organisation", "staff", "disability"])
    wf.writerow(["activity_id", "sex", "satisfied", "met_objectives", "met_expectations",
                 "improved_learning", "relevant", "understanding"])
    yes_no_blank = ["yes"] * 8 + ["no"] * 2 + [""]
    understanding = ["excellent", "good", "good", "fair", "poor", ""]

    written = 0
    written_rows = 0      # participant rows so far: the sqlite3 shell's rowid of the next
    while written < N:
        # --- the activity
        c = choice(PROJECT_COUNTRIES)
        y = rng.choices(years, year_weights)[0]
        t = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        k = seq_by_country_year.get((c, y), 0) + 1
        seq_by_country_year[(c, y)] = k
        act = "%s-%d-%05d" % (c, y, k)
        m = rng.randrange(12)
        d = rng.randrange(month_days[m]) + 1
        start = "%d-%02d-%02d" % (y, m + 1, d)
        end = "" if random_() < 0.3 else "%d-%02d-%02d" % (y, m + 1, min(month_days[m], d + rng.randrange(4)))
        proj = "" if t == "staff_event" and random_() < 0.5 else choice(projects[c])
        outs = choice(OUTCOMES) if random_() < 0.6 else ""
        wa.writerow([act, proj, c, t, "%s (%s %d)" % (choice(TOPICS), c, k), start, end,
                     choice(MODES), outs])

        # --- its participants: distinct people, mostly from the activity's country
        size = min(10 + int(70 * random_() ** 2.4), N - written)
        own = 0.5 if c == "ASEAN" else OWN_COUNTRY
        seen = set()
        cd = t == "capacity_development"
        while len(seen) < size:
            pc = c if random_() < own else choice(ALL_COUNTRIES)
            idx = int(pool[pc] * random_() ** 1.6)      # some people come back often
            if (pc, idx) in seen:
                continue
            seen.add((pc, idx))
            kind, sex, staff, conflict, full, email, org = person(pc, idx)
            row_sex, row_country = sex, pc
            if conflict and random_() < 0.3:
                if random_() < 0.5:
                    row_sex = "male" if sex == "female" else "female"
                else:
                    row_country = "ASEAN" if pc != "ASEAN" else "TH"
            pid = em = name = ""
            if kind == "id":
                pid = "P%s%07d" % (pc, idx)
                if random_() < 0.4:
                    em = email
                if random_() < 0.5:
                    name = full
            elif kind == "email":
                em = email
                r = random_()
                if r < 0.05:
                    em = email.upper()
                elif r < 0.08:
                    em = email + " "
                if random_() < 0.5:
                    name = full
            elif kind == "name":
                name = full
            if name:
                name = variant(name, random_(), random_())
            written_rows += 1
            if not pid and not em and name:
                wk.writerow([written_rows, name_key(name)])
            wp.writerow([act, pid, em, name, row_sex, row_country,
                         org if random_() < 0.7 else "", "yes" if staff else "",
                         "yes" if random_() < 0.03 else ("no" if random_() < 0.5 else "")])
            if cd and random_() < 0.3:
                fs = "" if random_() < 0.1 else row_sex
                wf.writerow([act, fs, choice(yes_no_blank), choice(yes_no_blank),
                             choice(yes_no_blank), choice(yes_no_blank),
                             choice(yes_no_blank), choice(understanding)])
        written += size

    for f in (fa, fp, ff, fk):
        f.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
