"""The eleven Annex A lists: their headers in order, and our codes as the template's lettered values.

Headers are those of the Ofsted template as copied by liia-tools-pipeline (Annex_A_2024_Jan.xlsx and
Annex_A_schema.yml) and liia-tools 0.2.0 (annex-a-merge.yml); see ../shared/reference/annex_a.md
sections 1.2 and 1.3. The sample workbooks head the age column "Age"; the configurations of both
tools, the template's List 10 and Data to Insight's SQL say "Age of Child (Years)", and the cleaner
finds the column by /age/ either way, so we use the longer name everywhere.
"""

from dataclasses import dataclass

from frontdoor.codes import CategoryOfAbuse, Ethnicity, PrimaryNeed, ReasonForClosure, ReferralSource, Sex


@dataclass(frozen=True)
class AnnexList:
    number: int
    title: str
    headers: tuple[str, ...]

    @property
    def sheet(self) -> str:
        return f"List {self.number}"


CHILD = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")
DISABILITY = "Does the Child have a Disability"
ALLOCATED = ("Allocated Team", "Allocated Worker")

LIST_1 = AnnexList(1, "Contacts", (*CHILD, "Date of Contact", "Contact Source"))
LIST_2 = AnnexList(
    2,
    "Early help",
    (*CHILD, "Assessment start date", "Assessment completion date", "Organisation completing assessment"),
)
LIST_3 = AnnexList(
    3,
    "Referrals",
    (
        *CHILD,
        "Date of Referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
        *ALLOCATED,
    ),
)
LIST_4 = AnnexList(
    4,
    "Assessments",
    (
        *CHILD,
        DISABILITY,
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
        *ALLOCATED,
    ),
)
LIST_5 = AnnexList(
    5,
    "Section 47 enquiries and ICPCs",
    (
        *CHILD,
        DISABILITY,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months",
        *ALLOCATED,
    ),
)
LIST_6 = AnnexList(
    6,
    "Children in need",
    (
        *CHILD,
        DISABILITY,
        "CIN Start Date",
        "Primary Need Code",
        "Date Child Was Last Seen",
        "CIN Closure Date",
        "Reason for Closure",
        "Case Status",
        *ALLOCATED,
    ),
)
LIST_7 = AnnexList(
    7,
    "Child protection",
    (
        *CHILD,
        DISABILITY,
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?",
        "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans",
        *ALLOCATED,
    ),
)
# Lists 8 to 11 are children in care, care leavers and adoption: outside the front door, so they go out
# with their headers and no rows (the cleaner writes nothing unless all eleven lists are there).
LIST_8 = AnnexList(
    8,
    "Children in care",
    (
        *CHILD,
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
        DISABILITY,
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Latest Statutory Review",
        "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child",
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
        "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        *ALLOCATED,
    ),
)
# The 2024 template's List 9, with its four new columns (liia-tools-pipeline Annex_A_schema.yml);
# liiatools 0.2.0 predates them and reports them as unexpected columns.
LIST_9 = AnnexList(
    9,
    "Care leavers",
    (
        *CHILD,
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        DISABILITY,
        *ALLOCATED,
        "Allocated Personal Advisor",
        "Eligibility Category",
        "Latest Pathway Plan Review Date",
        "LA in Touch",
        "Latest Date of Contact",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ),
)
LIST_10 = AnnexList(
    10,
    "Adoption",
    (
        "Child Unique ID",
        "Family identifier",
        *CHILD[1:],
        DISABILITY,
        "Date the Child Entered Care",
        "Date of Decision that Child Should be Placed for Adoption",
        "Date of Placement Order",
        "Date of Matching Child and Prospective Adopters",
        "Date Placed for Adoption",
        "Date of Adoption Order",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "Reason Why Child No Longer Placed for Adoption",
        "Date the child was placed for fostering in FFA or concurrent planning placement",
    ),
)
LIST_11 = AnnexList(
    11,
    "Adopters",
    (
        "Individual adopter identifier",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Disability",
        "Is the (prospective) adopter fostering for adoption?",
        "Date enquiry received",
        "Date Stage 1 started",
        "Date Stage 1 ended",
        "Date Stage 2 started",
        "Date Stage 2 ended",
        "Date application submitted",
        "Date application approved",
        "Date adopter matched with child(ren)",
        "Date child/children placed with adopter(s)",
        "No. of children placed",
        "Date of Adoption Order",
        "Date of leaving adoption process",
        "Reason for leaving adoption process",
    ),
)
LISTS = (LIST_1, LIST_2, LIST_3, LIST_4, LIST_5, LIST_6, LIST_7, LIST_8, LIST_9, LIST_10, LIST_11)

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"

GENDER: dict[str, str] = {Sex.MALE: "a) Male", Sex.FEMALE: "b) Female", Sex.UNKNOWN: "c) Not stated/recorded"}

# The template letters the CIN census codes a) to t). For NOBT the sources disagree: Data to Insight
# writes "t) NOBT", liiatools 0.2.0 lists "s) NOBT" (REFU is also s) and blanks "t) NOBT" as
# unreadable. We write what the cleaner accepts; the value still carries the code NOBT, which is what
# anyone matching on the code reads.
ETHNICITY: dict[str, str] = {
    code: f"{letter}) {code}" for letter, code in zip("abcdefghijklmnopqrs", Ethnicity.values[:19], strict=True)
} | {Ethnicity.NOT_OBTAINED: "s) NOBT"}

# 5D (LA services: early help) joined the CIN census after liiatools 0.2.0 was written, and the
# cleaner has no value for it. Data to Insight writes "p1) 5D: LA services", slotting it in after
# 5C as the template does; folding it into 5B would pass the cleaner but misreport early help as
# "other internal", so we keep 5D and the cleaner's complaint about it (annex_a.md section 2.1).
SOURCE = {
    ReferralSource.FAMILY: "a) 1A: Individual",
    ReferralSource.ACQUAINTANCE: "b) 1B: Individual",
    ReferralSource.SELF: "c) 1C: Individual",
    ReferralSource.OTHER_INDIVIDUAL: "d) 1D: Individual",
    ReferralSource.SCHOOLS: "e) 2A: Schools",
    ReferralSource.EDUCATION_SERVICES: "f) 2B: Education services",
    ReferralSource.GP: "g) 3A: Health services",
    ReferralSource.HEALTH_VISITOR: "h) 3B: Health services",
    ReferralSource.SCHOOL_NURSE: "i) 3C: Health services",
    ReferralSource.OTHER_PRIMARY_HEALTH: "j) 3D: Health services",
    ReferralSource.A_AND_E: "k) 3E: Health services",
    ReferralSource.OTHER_HEALTH: "l) 3F: Health services",
    ReferralSource.HOUSING: "m) 4: Housing",
    ReferralSource.LA_SOCIAL_CARE: "n) 5A: LA services",
    ReferralSource.LA_OTHER_INTERNAL: "o) 5B: LA services",
    ReferralSource.LA_EXTERNAL: "p) 5C: LA services",
    ReferralSource.LA_EARLY_HELP: "p1) 5D: LA services",
    ReferralSource.POLICE: "q) 6: Police",
    ReferralSource.OTHER_LEGAL: "r) 7: Other legal agency",
    ReferralSource.OTHER: "s) 8: Other",
    ReferralSource.ANONYMOUS: "t) 9: Anonymous",
    ReferralSource.UNKNOWN: "u) 10: Unknown",
}

# The template's own wording, which is not always the CIN census label (N1 says "Abuse or neglect").
PRIMARY_NEED = {
    PrimaryNeed.ABUSE_NEGLECT: "N1 - Abuse or neglect",
    PrimaryNeed.CHILD_DISABILITY: "N2 - Child's disability",
    PrimaryNeed.PARENTAL_DISABILITY: "N3 - Parental disability or illness",
    PrimaryNeed.ACUTE_STRESS: "N4 - Family in acute stress",
    PrimaryNeed.FAMILY_DYSFUNCTION: "N5 - Family dysfunction",
    PrimaryNeed.SOCIALLY_UNACCEPTABLE: "N6 - Socially unacceptable behaviour",
    PrimaryNeed.LOW_INCOME: "N7 - Low income",
    PrimaryNeed.ABSENT_PARENTING: "N8 - Absent parenting",
    PrimaryNeed.NOT_IN_NEED: "N9 - Cases other than children in need",
    PrimaryNeed.NOT_STATED: "N0 - Not stated",
}

# RC9 (closed after assessment, referred to early help) is newer than liiatools 0.2.0, which blanks
# it; Data to Insight writes it as below. Calling it RC8 ("no further action") would be wrong, and the
# column may be blank, so the cleaner's complaint costs the row nothing.
CLOSURE_REASON = {
    ReasonForClosure.ADOPTED: "RC1 - Adopted",
    ReasonForClosure.DIED: "RC2 - Died",
    ReasonForClosure.CHILD_ARRANGEMENTS: "RC3 - Child arrangements order",
    ReasonForClosure.SPECIAL_GUARDIANSHIP: "RC4 - Special guardianship order",
    ReasonForClosure.TRANSFERRED_OTHER_LA: "RC5 - Transferred to services of another local authority",
    ReasonForClosure.TRANSFERRED_ADULTS: "RC6 - Transferred to adult social care services",
    ReasonForClosure.CEASED: "RC7 - Services ceased for any other reason, including child no longer in need",
    ReasonForClosure.NFA_AFTER_ASSESSMENT: "RC8 - Case closed after assessment, no further action",
    ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT: "RC9 - Case closed after assessment, referred to early help",
}

CATEGORY_OF_ABUSE = {
    CategoryOfAbuse.NEGLECT: "a) Neglect",
    CategoryOfAbuse.PHYSICAL: "b) Physical abuse",
    CategoryOfAbuse.SEXUAL: "c) Sexual abuse",
    CategoryOfAbuse.EMOTIONAL: "d) Emotional abuse",
    CategoryOfAbuse.MULTIPLE: "e) Multiple/not recommended",
}

CLOSED_EPISODE = "e) Closed episode"
ON_CP_PLAN = "b) Child Protection plan"
ON_CIN_PLAN = "c) Child in need plan"
OPEN_ASSESSMENT = "d) Open assessment"

UNALLOCATED = "Unallocated"
