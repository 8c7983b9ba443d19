"""The words and proportions of the synthetic front door: who refers, about what, and what is decided.

Concern templates are filled with the children's first names and pronouns:
{child} (one name, or "Amelia and Jack"), {they} {them} {their} {self} (and
capitalised {They} {Their}), verbs that agree with them ({is} {was} {has}
{says} and {s} for "live{s}"), {parent} and {Parent} (mum or dad), and
{partner} (after mum is named: "her partner", "dad"), {abuser} and {Abuser}
(on their own: "stepdad", "mum's ex-partner"). A template's tags
say who it fits: "one" a single child, "school" children of school age,
"young" children under five, "older" children of ten and over; "low" and
"high" the outcomes the words fit (a closing outcome or early help, or a
referral and above); and "@police", "@school", "@3E" and so on the source
groups or referral sources whose words they are (none: anyone's).
"""

# Referral sources (CIN census codes) and how often each refers, in office hours and out of hours.
SOURCES_OFFICE = (
    ("6", 19.0),
    ("2A", 22.0),
    ("2B", 1.5),
    ("3A", 2.0),
    ("3B", 2.5),
    ("3C", 1.0),
    ("3D", 1.5),
    ("3E", 2.0),
    ("3F", 1.5),
    ("4", 2.5),
    ("5A", 2.5),
    ("5B", 1.5),
    ("5C", 1.5),
    ("5D", 4.0),
    ("1A", 7.0),
    ("1B", 2.5),
    ("1C", 1.5),
    ("1D", 1.0),
    ("7", 3.0),
    ("8", 4.0),
    ("9", 1.5),
    ("10", 0.5),
)
SOURCES_OUT_OF_HOURS = (
    ("6", 48.0),
    ("3E", 8.0),
    ("3F", 3.0),
    ("3D", 1.0),
    ("1A", 12.0),
    ("1B", 5.0),
    ("1C", 3.0),
    ("1D", 3.0),
    ("4", 1.0),
    ("5C", 1.0),
    ("7", 2.0),
    ("8", 2.0),
    ("9", 4.0),
)
# Schools hardly refer in their holidays.
SCHOOL_HOLIDAY_FACTOR = 0.15

SOURCE_GROUPS = {
    "6": "police",
    "2A": "school",
    "2B": "school",
    "3A": "health",
    "3B": "health",
    "3C": "health",
    "3D": "health",
    "3E": "health",
    "3F": "health",
    "4": "housing",
    "5A": "la",
    "5B": "la",
    "5C": "la",
    "5D": "la",
    "1A": "individual",
    "1B": "individual",
    "1C": "individual",
    "1D": "individual",
    "7": "legal",
    "8": "other",
    "9": "anonymous",
    "10": "anonymous",
}

# How each group gets in touch, in office hours (out of hours, everyone but the police rings the duty team).
CHANNELS = {
    "police": (("police", 80), ("phone", 12), ("email", 8)),
    "school": (("phone", 55), ("online", 22), ("email", 20), ("in_person", 2), ("letter", 1)),
    "health": (("phone", 50), ("email", 30), ("online", 15), ("letter", 5)),
    "housing": (("phone", 45), ("email", 35), ("online", 15), ("letter", 5)),
    "la": (("phone", 45), ("email", 35), ("online", 15), ("letter", 5)),
    "legal": (("email", 50), ("phone", 35), ("letter", 15)),
    "other": (("phone", 45), ("email", 30), ("online", 20), ("letter", 5)),
    "individual": (("phone", 75), ("online", 15), ("in_person", 7), ("email", 3)),
    "anonymous": (("phone", 85), ("online", 10), ("letter", 5)),
}
CHANNELS_OUT_OF_HOURS = {
    "police": (("police", 92), ("out_of_hours", 8)),
    "other": (("out_of_hours", 80), ("email", 10), ("online", 10)),
}

# What each group refers about.
CATEGORIES = {
    "police": (
        ("domestic_abuse", 45),
        ("missing", 11),
        ("exploitation", 7),
        ("physical_abuse", 8),
        ("neglect", 7),
        ("substance_misuse", 5),
        ("behaviour", 5),
        ("sexual_abuse", 4),
        ("parental_mental_health", 3),
        ("child_mental_health", 3),
    ),
    "school": (
        ("neglect", 18),
        ("physical_abuse", 14),
        ("behaviour", 12),
        ("child_mental_health", 12),
        ("emotional_abuse", 10),
        ("domestic_abuse", 8),
        ("parenting", 8),
        ("sexual_abuse", 4),
        ("exploitation", 4),
        ("parental_mental_health", 4),
        ("disability", 3),
        ("missing", 3),
    ),
    "health": (
        ("child_mental_health", 16),
        ("neglect", 14),
        ("parental_mental_health", 14),
        ("physical_abuse", 12),
        ("substance_misuse", 10),
        ("parenting", 10),
        ("domestic_abuse", 8),
        ("disability", 8),
        ("emotional_abuse", 5),
        ("sexual_abuse", 3),
    ),
    "housing": (
        ("housing", 50),
        ("neglect", 15),
        ("domestic_abuse", 10),
        ("parenting", 10),
        ("parental_mental_health", 10),
        ("substance_misuse", 5),
    ),
    "la": (
        ("parenting", 20),
        ("neglect", 20),
        ("parental_mental_health", 15),
        ("substance_misuse", 12),
        ("domestic_abuse", 10),
        ("disability", 10),
        ("behaviour", 8),
        ("other", 5),
    ),
    "individual": (
        ("neglect", 25),
        ("domestic_abuse", 15),
        ("physical_abuse", 12),
        ("substance_misuse", 12),
        ("parenting", 10),
        ("emotional_abuse", 8),
        ("parental_mental_health", 6),
        ("housing", 4),
        ("sexual_abuse", 3),
        ("missing", 3),
        ("behaviour", 2),
    ),
    "legal": (
        ("domestic_abuse", 30),
        ("parenting", 20),
        ("physical_abuse", 10),
        ("sexual_abuse", 10),
        ("substance_misuse", 10),
        ("emotional_abuse", 10),
        ("other", 10),
    ),
    "other": (
        ("parenting", 25),
        ("neglect", 20),
        ("domestic_abuse", 15),
        ("child_mental_health", 10),
        ("housing", 10),
        ("disability", 10),
        ("other", 10),
    ),
}
CATEGORIES["anonymous"] = CATEGORIES["individual"]

# The youngest a child can be for a category to make sense; only one child at a time for these.
MINIMUM_AGE = {"exploitation": 11, "missing": 10, "child_mental_health": 9, "behaviour": 5}
ONE_CHILD_ONLY = frozenset({"exploitation", "missing", "child_mental_health", "behaviour", "disability"})

# A second category that often goes with the first.
RELATED = {
    "domestic_abuse": ("emotional_abuse", "substance_misuse", "parental_mental_health"),
    "neglect": ("substance_misuse", "parental_mental_health", "housing", "parenting"),
    "physical_abuse": ("domestic_abuse", "emotional_abuse"),
    "sexual_abuse": ("exploitation", "emotional_abuse"),
    "emotional_abuse": ("domestic_abuse", "parenting"),
    "parental_mental_health": ("neglect", "parenting"),
    "substance_misuse": ("neglect", "domestic_abuse"),
    "child_mental_health": ("emotional_abuse", "behaviour"),
    "exploitation": ("missing", "substance_misuse"),
    "missing": ("exploitation", "behaviour"),
    "disability": ("parenting",),
    "behaviour": ("parenting", "child_mental_health"),
    "housing": ("neglect",),
    "parenting": ("behaviour", "neglect"),
    "other": ("parenting",),
}

# The outcome each category tends to: nfa, advice, signpost, early help, assessment, strategy, MARAC.
OUTCOME_ORDER = ("nfa", "advice", "signpost", "early_help", "assessment", "strategy", "marac")
OUTCOMES = {
    "domestic_abuse": (19, 14, 8, 17, 26, 4, 12),
    "physical_abuse": (9, 10, 4, 12, 47, 18, 0),
    "sexual_abuse": (6, 9, 4, 6, 40, 35, 0),
    "neglect": (13, 15, 7, 23, 38, 4, 0),
    "emotional_abuse": (16, 18, 8, 23, 33, 2, 0),
    "parental_mental_health": (15, 18, 13, 21, 31, 2, 0),
    "substance_misuse": (15, 17, 9, 20, 36, 3, 0),
    "child_mental_health": (11, 18, 25, 18, 26, 2, 0),
    "exploitation": (6, 9, 5, 14, 46, 20, 0),
    "missing": (21, 16, 10, 19, 30, 4, 0),
    "disability": (11, 19, 20, 19, 31, 0, 0),
    "behaviour": (20, 24, 15, 24, 17, 0, 0),
    "housing": (20, 25, 30, 15, 10, 0, 0),
    "parenting": (16, 24, 15, 28, 17, 0, 0),
    "other": (26, 29, 20, 10, 15, 0, 0),
}
PRE_BIRTH_OUTCOMES = (5, 8, 7, 25, 50, 5, 0)

# Which level of need each outcome is decided at (level number: weight), within what the level allows.
LEVELS_FOR_OUTCOME = {
    "nfa": ((1, 45), (2, 55)),
    "advice": ((1, 40), (2, 60)),
    "signpost": ((1, 35), (2, 65)),
    "early_help": ((2, 75), (3, 25)),
    "assessment": ((3, 80), (4, 20)),
    "strategy": ((4, 1),),
    "marac": ((2, 15), (3, 45), (4, 40)),
    "open_case": ((2, 25), (3, 50), (4, 25)),
}

# Words in a threshold criterion that fit a category, to choose the criteria a decision cites.
CRITERIA_WORDS = {
    "domestic_abuse": ("domestic abuse", "temporary stress"),
    "physical_abuse": ("abuse", "injury", "safe"),
    "sexual_abuse": ("sexual", "abuse", "poses a risk"),
    "neglect": ("neglect", "basic needs", "routines", "health or development", "health or developmental"),
    "emotional_abuse": ("emotional", "loving care"),
    "parental_mental_health": ("mental health", "temporary stress"),
    "substance_misuse": ("drug or alcohol", "routines, boundaries"),
    "child_mental_health": ("emotional or behavioural", "health or development"),
    "exploitation": ("exploitation", "missing"),
    "missing": ("missing", "absence"),
    "disability": ("disability", "developmental"),
    "behaviour": ("behavioural", "boundaries", "exclusion"),
    "housing": ("housing",),
    "parenting": ("routines, boundaries", "temporary stress", "loving care"),
    "other": ("temporary stress", "supportive family"),
}


UNIDENTIFIED_SOURCES = ("1D", "1D", "1B", "9", "6", "3E")

SIGNPOST_SERVICES = (
    "the GP",
    "Kooth",
    "the school nurse",
    "the local family hub",
    "Citizens Advice",
    "the housing options team",
    "Women's Aid",
    "the drug and alcohol service",
    "the CAMHS single point of access",
)
RETURN_COMMENTS = (
    "Please look again at the history: this is not the first contact this year. Consider early help.",
    "The rationale does not say what the parents think or whether they agree. Please speak to mum before deciding.",
    "Check with the school and the health visitor before closing: we have no current information about the children.",
    "I am not satisfied no further action is right given what was described. Please discuss with me.",
)
AUTHORISE_COMMENTS = (
    "Agreed.",
    "Agreed: please make sure the referrer is told today.",
    "Agreed; a proportionate decision.",
    "Agreed, with advice to the referrer to get in touch again if anything changes.",
)
QA_AGREE = (
    "",
    "",
    "Clear, proportionate decision; the history was considered.",
    "Good rationale, and the child's views are recorded.",
    "Agree; the referrer was told promptly.",
)
QA_DISAGREE = (
    "The history of previous contacts was not considered; early help should have been offered.",
    "Consent was not recorded and the rationale does not explain why.",
    "The concerns met the threshold for an assessment: the injury was not explained.",
)

TOLD_HOW = {
    "police": ("Secure email to the police (PPU)",),
    "school": ("Phone call", "Phone call", "Secure email"),
    "health": ("Phone call", "Secure email"),
    "individual": ("Phone call", "Phone call", "Letter"),
    "other": ("Phone call", "Email", "Secure email"),
}

# Who refers: (role, title before the name, sex of the name: "" either).
REFERRER_ROLES = {
    "6": (("Police constable", "PC ", ""), ("Detective constable", "DC ", ""), ("Police sergeant", "PS ", "")),
    "2A": (("Designated safeguarding lead", "", ""), ("Deputy safeguarding lead", "", ""), ("Head teacher", "", "")),
    "2B": (("Education welfare officer", "", ""), ("SEND caseworker", "", "")),
    "3A": (("GP", "Dr ", ""),),
    "3B": (("Health visitor", "", ""),),
    "3C": (("School nurse", "", ""),),
    "3D": (("Midwife", "", "F"),),
    "3E": (("Paediatric liaison nurse", "", ""), ("Emergency department consultant", "Dr ", "")),
    "3F": (("Paediatrician", "Dr ", ""), ("CAMHS clinician", "", ""), ("Community nurse", "", "")),
    "4": (("Housing officer", "", ""), ("Tenancy support officer", "", "")),
    "5A": (("Social worker, adult social care", "", ""),),
    "5B": (("Youth justice officer", "", ""),),
    "5C": (("Social worker", "", ""),),
    "5D": (("Family support worker", "", ""), ("Early help co-ordinator", "", "")),
    "1A": (
        ("Grandmother", "", "F"),
        ("Aunt", "", "F"),
        ("Father, not living with the children", "", "M"),
        ("Uncle", "", "M"),
        ("Grandfather", "", "M"),
    ),
    "1B": (("Neighbour", "", ""), ("Childminder", "", "F"), ("Family friend", "", "")),
    "1C": (("Parent, asking for help", "", ""),),
    "1D": (("Member of the public", "", ""),),
    "7": (("Family court adviser", "", ""), ("Probation officer", "", "")),
    "8": (("Project worker", "", ""), ("Family hub worker", "", ""), ("Helpline practitioner", "", "")),
}
REFERRER_ORGANISATIONS = {
    "6": ("Northbridge Police", "Northbridge Police, Public Protection Unit"),
    "2B": ("Northbridge Education Welfare Service", "Northbridge SEND team"),
    "3E": ("Northbridge Royal Infirmary, Emergency Department",),
    "3F": ("Northbridge Royal Infirmary, Paediatrics", "Northbridge CAMHS", "Northbridge Community Health NHS Trust"),
    "4": ("Northbridge City Council Housing", "Northbridge Homes"),
    "5A": ("Northbridge Adult Social Care",),
    "5B": ("Northbridge Youth Justice Service",),
    "5C": ("Eastmoor County Council Children's Services", "Westfield Borough Council Children's Services"),
    "5D": ("Northbridge Early Help",),
    "7": ("Cafcass", "Probation Service"),
    "8": ("Northbridge Women's Aid", "Home-Start Northbridge", "NSPCC Helpline", "Riverside Family Hub"),
}
REFERRER_DOMAINS = {
    "6": "police.example",
    "2B": "northbridge.example",
    "3E": "nhs.example",
    "3F": "nhs.example",
    "4": "northbridge.example",
    "5A": "northbridge.example",
    "5B": "northbridge.example",
    "5C": "council.example",
    "5D": "northbridge.example",
    "7": "justice.example",
    "8": "charity.example",
}
# The professional in the people records a source stands for (people.Professional roles).
PROFESSIONAL_FOR_SOURCE = {
    "2A": "school",
    "3A": "gp",
    "3B": "health_visitor",
    "3C": "school_nurse",
    "3D": "midwife",
}
UNIDENTIFIED_GIRLS = ("Kayla", "Chantelle", "Jade", "Mia", "Destiny", "Ellie", "Amira", "Tia")
UNIDENTIFIED_BOYS = ("Tyler", "Kai", "Jayden", "Leon", "Mason", "Ryan", "Bilal", "Connor")
