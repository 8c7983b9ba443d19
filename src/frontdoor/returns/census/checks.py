"""Run the census rules over a return child by child, then the rules about the return as a whole."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from frontdoor.codes import Sex
from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.records import CensusChild
from frontdoor.returns.census.rules import RULES, Context, Severity
from frontdoor.timescales.calendar import council_calendar

# The rules about the whole return, with the DfE messages (../shared/reference/cin_census.md section 5.3).
RETURN_RULES: dict[str, str] = {
    "8510": "More than one child record with the same LA Child ID",
    "1520": "More than one record with the same UPN.",
    "2883": "There are more child protection plans starting than initial conferences taking place",
    "2886Q": "Please check and either amend or provide a reason: Percentage of children with no sex recorded is "
    "more than 2% (excluding unborns)",
    "2887Q": "Please check and either amend or provide a reason: Less than 8 disability codes have been used in "
    "your return",
    "2888Q": "Please check and either amend or provide a reason: Only one disability code is recorded per child "
    "and multiple disabilities should be recorded where possible.",
}


@dataclass(frozen=True)
class Issue:
    rule: str
    severity: Severity
    person_id: int | None
    referral_id: int | None
    la_child_id: str
    detail: str


def severity_of(code: str) -> Severity:
    return "query" if code.endswith("Q") else "error"


def message_of(code: str) -> str:
    if code in RULES:
        return RULES[code].message
    return RETURN_RULES.get(code, "The file does not match the census schema" if code == "XSD" else code)


class ReturnChecks:
    """Checks each child as it is written, keeping only the few counts the return-level rules need."""

    def __init__(self, census: CensusYear) -> None:
        self.context = Context(census, council_calendar())
        self.ids: defaultdict[str, list[int]] = defaultdict(list)
        self.upns: defaultdict[str, list[int]] = defaultdict(list)
        self.plans_starting = self.conferences = 0
        self.born = self.born_without_sex = 0
        self.disability_codes: Counter[str] = Counter()
        self.several_disabilities = False

    def check(self, child: CensusChild) -> list[Issue]:
        issues = [
            Issue(code, rule.severity, child.person_id, referral, child.la_child_id, detail)
            for code, rule in RULES.items()
            for referral, detail in rule.check(child, self.context)
        ]
        self.tally(child)
        return issues

    def tally(self, child: CensusChild) -> None:
        census = self.context.census
        self.ids[child.la_child_id].append(child.person_id)
        if child.upn:
            self.upns[child.upn].append(child.person_id)
        for episode in child.episodes:
            self.plans_starting += sum(census.contains(plan.start) for plan in episode.cp_plans)
            self.conferences += sum(census.contains(s.conference) for s in episode.section_47s)
        if not child.is_unborn:
            self.born += 1
            self.born_without_sex += child.sex not in (Sex.MALE, Sex.FEMALE)
        self.disability_codes.update(child.disabilities)
        self.several_disabilities |= len(child.disabilities) > 1

    def person_of(self, la_child_id: str) -> int | None:
        people = self.ids.get(la_child_id)
        return people[0] if people else None

    def finish(self) -> list[Issue]:
        issues: list[Issue] = []
        for la_child_id, people in self.ids.items():
            for person in people[1:]:
                issues.append(Issue("8510", "error", person, None, la_child_id, f"{len(people)} children share it"))
        for upn, people in self.upns.items():
            for person in people[1:]:
                issues.append(Issue("1520", "error", person, None, "", f"UPN {upn} on {len(people)} children"))
        if self.plans_starting > self.conferences:
            detail = f"{self.plans_starting} plans started, {self.conferences} initial conferences"
            issues.append(Issue("2883", "error", None, None, "", detail))
        if self.born and self.born_without_sex / self.born > 0.02:
            detail = f"{self.born_without_sex} of {self.born} children ({self.born_without_sex / self.born:.1%})"
            issues.append(Issue("2886Q", "query", None, None, "", detail))
        used = len(self.disability_codes)
        if self.born and used < 8:
            issues.append(Issue("2887Q", "query", None, None, "", f"{used} disability codes used"))
        if self.disability_codes and not self.several_disabilities:
            issues.append(Issue("2888Q", "query", None, None, "", "No child has more than one disability code"))
        return issues
