# The demo's surveys (surveys.csv, survey_questions.csv, survey_answers.csv): the three
# surveys whose figures the 2021 report prints (Figures 1, 3 and 4). The report states
# the webinar feedback's shares (1,577 responses: 95% satisfied, 91% found this kind of
# event very useful, 95% learned something new); the answers below give exactly those
# shares. The partner survey's and the follow-up survey's shares are not printed in the
# text we have, so theirs are illustrative. Respondents are numbered, never named.
import random

SURVEYS = [
    # code, year, title, closed on, who was asked, source line, figure
    ("PARTNERS-2021", 2021, "Annual survey of partners: capacity development, November 2021",
     "2021-11-30", "government and ASEAN partners who took part in capacity development",
     "ASEAN-ACT annual survey of partners results database, 2021.", 1),
    ("WEBINAR-FEEDBACK-2021", 2021, "Feedback collected after the webinars, 2021", "2021-12-15",
     "webinar participants who returned the feedback form", "ASEAN-ACT webinar feedback forms, 2021.", 3),
    ("WEBINAR-FOLLOWUP-2021", 2021, "Follow-up survey of webinar participants, May 2021", "2021-05-31",
     "participants of the 2020 webinars", "ASEAN-ACT follow-up survey of webinar participants, May 2021.", 4),
]

# survey, question, text, label (the figure's short form), scale, answer counts best first
QUESTIONS = [
    ("PARTNERS-2021", "Q1", "The capacity development I took part in suited my work", "Suited my work",
     "agreement", [52, 61, 9, 3, 0]),
    ("PARTNERS-2021", "Q2", "I have used what I learned in my work", "Used the learning",
     "agreement", [38, 66, 15, 6, 0]),
    ("PARTNERS-2021", "Q3", "My agency changed a procedure or practice because of it", "Practice changed",
     "agreement", [21, 54, 36, 12, 2]),
    ("PARTNERS-2021", "Q4", "The support came when my agency needed it", "Timely support",
     "agreement", [40, 63, 17, 5, 0]),
    ("WEBINAR-FEEDBACK-2021", "Q1", "Overall, I am satisfied with the webinar", "Satisfied",
     "yes_no", [1498, 79]),
    ("WEBINAR-FEEDBACK-2021", "Q2", "An event of this kind is very useful", "Very useful",
     "yes_no", [1435, 142]),
    ("WEBINAR-FEEDBACK-2021", "Q3", "I learned something new", "Learned something new",
     "yes_no", [1498, 79]),
    ("WEBINAR-FOLLOWUP-2021", "Q1", "How often have you applied or shared what the webinars covered?",
     "Applied or shared", "frequency", [31, 88, 67, 21, 5]),
    ("WEBINAR-FOLLOWUP-2021", "Q2", "How useful were the webinars for your work?", "Useful for work",
     "usefulness", [58, 102, 41, 9, 2]),
    ("WEBINAR-FOLLOWUP-2021", "Q3", "How often have you passed the webinars' material on to colleagues?",
     "Passed material on", "frequency", [24, 71, 80, 26, 11]),
]

WORDS = {
    "yes_no": ["yes", "no"],
    "agreement": ["strongly agree", "agree", "neutral", "disagree", "strongly disagree"],
    "frequency": ["always", "often", "sometimes", "rarely", "never"],
    "usefulness": ["extremely useful", "very useful", "moderately useful", "slightly useful", "not useful"],
}


def answer_rows():
    rng = random.Random(2021)
    rows = []
    for code, *_ in SURVEYS:
        qs = [q for q in QUESTIONS if q[0] == code]
        n = sum(qs[0][5])
        for q in qs:
            assert sum(q[5]) == n, q  # every respondent answered every question
        per_q = {}
        for q in qs:
            answers = [w for w, k in zip(WORDS[q[4]], q[5]) for _ in range(k)]
            rng.shuffle(answers)
            per_q[q[1]] = answers
        for i in range(n):
            for q in qs:
                rows.append([code, "R%04d" % (i + 1), q[1], per_q[q[1]][i]])
    return rows


def write(out, write_csv):
    write_csv(out / "surveys.csv", ["code", "year", "title", "conducted_on", "population", "source", "figure"],
              [[c, str(y), t, d, p, s, str(f)] for (c, y, t, d, p, s, f) in SURVEYS])
    write_csv(out / "survey_questions.csv", ["survey", "question", "text", "label", "scale"],
              [list(q[:5]) for q in QUESTIONS])
    write_csv(out / "survey_answers.csv", ["survey", "respondent", "question", "answer"], answer_rows())
