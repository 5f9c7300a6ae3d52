"""Indicators of the demo programme with their 2019-2021 targets (imported as
indicators.csv, indicator_targets.csv and indicator_actuals.csv), and the IATI settings
of the demo (settings.csv).

All but one indicator are computed by actip from the demo records by a named measure
(docs/indicators.md); their targets are illustrative, set near what the records give so
that the tracking table shows indicators above and below target. IND-1.2 is entered by
hand, with half-year targets and actuals, to show that path; its numbers are invented.
"""

# code, title, outcome, unit, ascending, cumulative, disaggregations, measure,
# filter_type, filter_country, filter_outcome, baseline_year, baseline
INDICATORS = [
    ("IND-1.1", "Regional meetings and knowledge-sharing events supported", "O1.3", "number",
     "yes", "no", "", "activities", "meeting", "ASEAN", "", "", ""),
    ("IND-1.2", "Requests for technical assistance received from ASEAN bodies", "O1.1",
     "number", "yes", "no", "", "", "", "", "", "2018", "0"),
    ("IND-1.3", "Event participants, programme and donor staff excluded", "O1.3", "number",
     "yes", "no", "sex;country;disability", "participants", "", "", "", "", ""),
    ("IND-2.1", "Capacity development events supported", "O2.1", "number", "yes", "no",
     "country", "cd_events", "", "", "", "2018", "0"),
    ("IND-2.2", "People trained (cumulative, each person once a year)", "O2.1", "number",
     "yes", "yes", "sex;country;disability", "people_trained", "", "", "", "2019", "0"),
    ("IND-2.3", "Share of people trained who are women", "O2.1", "percentage", "yes", "no",
     "country", "pct_women_trained", "", "", "", "", ""),
    ("IND-2.4", "Respondents satisfied with capacity development events", "O2.3",
     "percentage", "yes", "no", "sex", "pct_satisfied", "", "", "", "", ""),
    ("IND-2.5", "Respondents whose learning improved at capacity development events", "O2.3",
     "percentage", "yes", "no", "sex", "pct_improved_learning", "", "", "", "", ""),
    ("IND-3.1", "Achievements of joint policy dialogue and learning (outcome 3.2)", "O3.2",
     "number", "yes", "yes", "country", "achievements", "", "", "", "", ""),
]

# indicator, period, target
TARGETS = [
    ("IND-1.1", "2019", "2"), ("IND-1.1", "2020", "6"), ("IND-1.1", "2021", "40"),
    ("IND-1.2", "2019-H1", "1"), ("IND-1.2", "2019-H2", "2"), ("IND-1.2", "2020-H1", "3"),
    ("IND-1.2", "2020-H2", "3"), ("IND-1.2", "2021-H1", "4"), ("IND-1.2", "2021-H2", "4"),
    ("IND-1.3", "2020", "1200"), ("IND-1.3", "2021", "9000"),
    ("IND-2.1", "2019", "15"), ("IND-2.1", "2020", "40"), ("IND-2.1", "2021", "100"),
    ("IND-2.2", "2020", "800"), ("IND-2.2", "2021-H1", "1500"), ("IND-2.2", "2021-H2", "7000"),
    ("IND-2.3", "2020", "45"), ("IND-2.3", "2021", "50"),
    ("IND-2.4", "2020", "85"), ("IND-2.4", "2021", "90"),
    ("IND-2.5", "2020", "80"), ("IND-2.5", "2021", "85"),
    ("IND-3.1", "2021", "30"),
]

# indicator, period, sex, value, note
ACTUALS = [
    ("IND-1.2", "2019-H1", "", "1", "SOMTC Working Group on TIP"),
    ("IND-1.2", "2019-H2", "", "2", ""),
    ("IND-1.2", "2020-H1", "", "2", "COVID-19 restrictions"),
    ("IND-1.2", "2020-H2", "", "4", ""),
    ("IND-1.2", "2021-H1", "", "3", ""),
    ("IND-1.2", "2021-H2", "", "6", "ACWC and AICHR requests"),
]

SETTINGS = [
    ("iati_reporting_org_ref", "XM-DAC-801"),
    ("iati_reporting_org_name", "Australia - Department of Foreign Affairs and Trade"),
    ("iati_reporting_org_type", "10"),
    ("iati_funding_org", "Australia - Department of Foreign Affairs and Trade"),
    ("iati_funding_org_ref", "XM-DAC-801"),
    ("iati_default_currency", "USD"),
    ("iati_sector_code", "15160"),
    ("iati_programme_code", "ASEAN-ACT"),
    ("iati_programme_title", "ASEAN-Australia Counter Trafficking (ASEAN-ACT)"),
]


def write(out, write_csv):
    """Writes the indicator files and settings.csv into directory out."""
    write_csv(out / "indicators.csv",
              ["code", "title", "outcome", "unit", "ascending", "cumulative", "disaggregations",
               "measure", "filter_type", "filter_country", "filter_outcome", "baseline_year",
               "baseline"], INDICATORS)
    write_csv(out / "indicator_targets.csv", ["indicator", "period", "target"], TARGETS)
    write_csv(out / "indicator_actuals.csv", ["indicator", "period", "sex", "value", "note"],
              ACTUALS)
    write_csv(out / "settings.csv", ["key", "value"], SETTINGS)
