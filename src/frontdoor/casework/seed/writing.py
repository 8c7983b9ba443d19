"""What each assessment says: the child's voice, the Assessment Framework, the analysis and the CIN codes."""

import random
from datetime import date, timedelta
from typing import Any

from frontdoor.casework.framework import DIMENSIONS
from frontdoor.casework.models import Assessment
from frontdoor.casework.seed import texts
from frontdoor.casework.seed.episodes import ReferralRow, Stage
from frontdoor.casework.seed.tools import WorkingDays
from frontdoor.codes import AssessmentFactor
from frontdoor.contacts.models import ConcernCategory
from frontdoor.contacts.seed.tools import Weighted

SeenAlone = Assessment.SeenAlone
NotGathered = Assessment.ViewsNotGathered
NO_FACTORS = AssessmentFactor.NONE.value

CONCERN_WORDS = {str(c): str(c.label).lower() for c in ConcernCategory}

# The primary need (CIN census) a concern most often turns out to be: abuse or neglect for most.
NEEDS: dict[str, Weighted[str]] = {
    category: Weighted(weights)
    for category, weights in {
        "physical_abuse": [("N1", 90.0), ("N5", 10.0)],
        "neglect": [("N1", 88.0), ("N4", 7.0), ("N7", 5.0)],
        "sexual_abuse": [("N1", 95.0), ("N5", 5.0)],
        "emotional_abuse": [("N1", 80.0), ("N5", 20.0)],
        "domestic_abuse": [("N1", 70.0), ("N5", 20.0), ("N4", 10.0)],
        "parental_mental_health": [("N3", 50.0), ("N1", 30.0), ("N4", 20.0)],
        "substance_misuse": [("N1", 55.0), ("N5", 25.0), ("N3", 20.0)],
        "child_mental_health": [("N4", 40.0), ("N1", 30.0), ("N5", 20.0), ("N9", 10.0)],
        "exploitation": [("N1", 85.0), ("N6", 15.0)],
        "missing": [("N1", 40.0), ("N5", 35.0), ("N6", 25.0)],
        "disability": [("N2", 90.0), ("N4", 10.0)],
        "behaviour": [("N6", 45.0), ("N5", 40.0), ("N4", 15.0)],
        "housing": [("N4", 45.0), ("N7", 30.0), ("N5", 20.0), ("N8", 5.0)],
        "parenting": [("N5", 50.0), ("N4", 35.0), ("N8", 10.0), ("N0", 5.0)],
        "other": [("N4", 40.0), ("N9", 30.0), ("N5", 20.0), ("N0", 10.0)],
    }.items()
}
FALLBACK_NEED = Weighted([("N1", 55.0), ("N5", 15.0), ("N4", 12.0), ("N2", 8.0), ("N3", 5.0), ("N9", 5.0)])

# The factors identified at assessment that each concern points to.
FACTORS: dict[str, Weighted[str]] = {
    category: Weighted(weights)
    for category, weights in {
        "physical_abuse": [("18C", 80.0), ("18B", 20.0)],
        "neglect": [("16A", 1.0)],
        "sexual_abuse": [("19C", 75.0), ("19B", 25.0)],
        "emotional_abuse": [("17A", 1.0)],
        "domestic_abuse": [("3B", 60.0), ("3A", 25.0), ("3C", 15.0)],
        "parental_mental_health": [("4B", 1.0)],
        "substance_misuse": [("2B", 45.0), ("1B", 45.0), ("2C", 10.0)],
        "child_mental_health": [("4A", 60.0), ("15A", 40.0)],
        "exploitation": [("24A", 45.0), ("11A", 40.0), ("13A", 15.0)],
        "missing": [("10A", 1.0)],
        "disability": [("5A", 60.0), ("6A", 40.0)],
        "behaviour": [("14A", 1.0)],
        "housing": [("20", 1.0)],
        "parenting": [("20", 60.0), ("16A", 40.0)],
        "other": [("20", 1.0)],
    }.items()
}
# Factors found alongside the concern that brought the child to the front door.
OTHER_FACTORS = Weighted(
    [("4B", 20.0), ("3B", 20.0), ("2B", 10.0), ("1B", 10.0), ("16A", 12.0), ("17A", 12.0), ("7A", 4.0), ("5B", 4.0)]
)
NOT_SEEN_SHARE = 0.06  # children the assessment never saw
FACTOR_COUNTS = Weighted([(1, 45.0), (2, 35.0), (3, 20.0)])
GRADES = Weighted(
    [
        (Assessment.Grade.GOOD.value, 60.0),
        (Assessment.Grade.REQUIRES_IMPROVEMENT.value, 25.0),
        (Assessment.Grade.OUTSTANDING.value, 9.0),
        (Assessment.Grade.INADEQUATE.value, 6.0),
    ]
)
WORRY_SHARE = {"nfa": 0.2, "early_help": 0.45, "cin_plan": 0.7, "core_assessment": 0.65}
NOT_UNDER_FOUR = frozenset({"education", "identity", "self_care"})  # dimensions left out for babies and toddlers
ORDER = {code: index for index, code in enumerate(DIMENSIONS)}
PRONOUNS = {"M": ("his", "him", "he"), "F": ("her", "her", "she")}

# The columns compose() fills, in order.
WRITTEN = (
    "child_seen_on",
    "seen_alone",
    "seen_alone_reason",
    "childs_views",
    "views_gathered_how",
    "views_not_gathered",
    "views_not_gathered_detail",
    "parents_views",
    "agencies_views",
    "dimensions",
    "analysis",
    "risks",
    "strengths",
    "factors",
)


def fill(template: str, words: dict[str, str]) -> str:
    text = template.format_map(words)
    return text[0].upper() + text[1:]


def primary_need(rng: random.Random, categories: list[str]) -> str:
    weights = NEEDS.get(categories[0]) if categories else None
    return (weights or FALLBACK_NEED).pick(rng)


def factors(rng: random.Random, categories: list[str], outcome: str) -> list[str]:
    if outcome == Assessment.Outcome.NFA and rng.random() < 0.4:
        return [NO_FACTORS]
    wanted = 1 if outcome == Assessment.Outcome.NFA and rng.random() < 0.6 else FACTOR_COUNTS.pick(rng)
    found: list[str] = []
    for category in categories:
        if category in FACTORS and len(found) < wanted:
            code = FACTORS[category].pick(rng)
            if code not in found:
                found.append(code)
    for _ in range(6):
        if len(found) >= wanted:
            break
        code = OTHER_FACTORS.pick(rng)
        if code not in found:
            found.append(code)
    return found or ["20"]


class Writer:
    def __init__(self, rng: random.Random, today: date, days: WorkingDays) -> None:
        self.rng, self.today, self.days = rng, today, days
        self.yesterday = today - timedelta(days=1)

    def words(self, ref: ReferralRow) -> dict[str, str]:
        rng = self.rng
        their, them, they = PRONOUNS.get(ref.sex, ("their", "them", "they"))
        mum = rng.random() < 0.8
        name = "the baby" if ref.born is None or ref.first_name.lower() in ("unborn", "baby") else ref.first_name
        return {
            "name": name,
            "their": their,
            "them": them,
            "they_lower": they,
            "parent": "mum" if mum else "dad",
            "Parent": "Mum" if mum else "Dad",
            "their_parent": "her" if mum else "his",
            "concern": " and ".join(CONCERN_WORDS.get(c, "other concerns") for c in ref.categories[:2])
            or "the concerns raised",
            "attendance": "",
        }

    def compose(self, ref: ReferralRow, stage: Stage, words: dict[str, str]) -> list[Any]:
        """The WRITTEN columns of one assessment, as far as the worker has got with it."""
        rng = self.rng
        done = stage.status != Assessment.Status.DRAFT
        until = stage.completed or stage.authorised or self.yesterday
        age = (stage.started - ref.born).days / 365.25 if ref.born is not None and ref.born <= stage.started else -1.0
        seen_on: date | None = None
        alone = alone_reason = views = how = not_gathered = not_gathered_detail = ""
        if age < 0:
            if done or rng.random() < 0.5:
                not_gathered, not_gathered_detail = (
                    NotGathered.NOT_SEEN.value,
                    self.pick(texts.VIEWS_NOT_GATHERED["unborn"], words),
                )
        elif done and rng.random() < NOT_SEEN_SHARE:
            not_gathered = NotGathered.NOT_SEEN.value
            not_gathered_detail = self.pick(texts.VIEWS_NOT_GATHERED["not_seen"], words)
        elif done or (until > stage.started and rng.random() < 0.7):
            seen_on = min(self.days.add(stage.started, rng.choice((0, 0, 1, 1, 2, 3, 5, 8))), until)
            if age < 2:
                alone, alone_reason = SeenAlone.NOT_APPROPRIATE.value, self.pick(texts.NOT_APPROPRIATE_REASONS, words)
            elif age < 5:
                if rng.random() < 0.5:
                    alone = SeenAlone.YES.value
                else:
                    alone = SeenAlone.NOT_APPROPRIATE.value if rng.random() < 0.6 else SeenAlone.NO.value
                    alone_reason = self.pick(
                        texts.NOT_APPROPRIATE_REASONS
                        if alone == SeenAlone.NOT_APPROPRIATE
                        else texts.NOT_ALONE_REASONS,
                        words,
                    )
            elif rng.random() < 0.74:
                alone = SeenAlone.YES.value
            else:
                alone, alone_reason = SeenAlone.NO.value, self.pick(texts.NOT_ALONE_REASONS, words)
            roll = rng.random()
            if age < 2 or (age < 4 and roll < 0.3):
                not_gathered = NotGathered.AGE.value
            elif roll < 0.95:
                band = "young" if age < 6 else "school" if age < 12 else "older"
                views, how = self.pick(texts.CHILDS_VIEWS[band], words), self.pick(texts.VIEWS_HOW, words)
            else:
                not_gathered = rng.choice((NotGathered.REFUSED, NotGathered.COMMUNICATION, NotGathered.OTHER)).value
            if not_gathered:
                not_gathered_detail = self.pick(texts.VIEWS_NOT_GATHERED[not_gathered], words)
        outcome = stage.outcome
        worry = WORRY_SHARE.get(outcome, 0.5)
        wanted = rng.randint(6, 10) if done else rng.randint(0, 5)
        codes = [code for code in DIMENSIONS if age >= 4 or code not in NOT_UNDER_FOUR]
        dimensions: dict[str, str] = {}
        for code in sorted(rng.sample(codes, min(wanted, len(codes))), key=ORDER.__getitem__):
            worrying = rng.random() < worry
            words["attendance"] = str(rng.randint(62, 88) if worrying else rng.randint(91, 99))
            dimensions[code] = self.pick(texts.DIMENSIONS[code][0 if worrying else 1], words)
        parents = self.pick(texts.PARENTS_VIEWS, words) if done or rng.random() < 0.5 else ""
        agencies = self.pick(texts.AGENCIES_VIEWS, words) if done and rng.random() < 0.9 else ""
        analysis = risks = strengths = ""
        found: list[str] = []
        if done:
            analysis = self.pick(texts.ANALYSIS[outcome], words)
            first = ref.categories[0] if ref.categories else "other"
            if outcome == Assessment.Outcome.NFA and rng.random() < 0.5:
                risks = "No risks identified beyond the concern at referral, which was not substantiated."
            else:
                risks = fill(texts.RISKS.get(first, texts.RISKS["other"]), words)
            strengths = " ".join(self.pick(texts.STRENGTHS, words) for _ in range(rng.randint(1, 2)))
            final = outcome if outcome != Assessment.Outcome.CORE_ASSESSMENT else Assessment.Outcome.CIN_PLAN
            found = factors(rng, ref.categories, final)
        return [
            seen_on,
            alone,
            alone_reason,
            views,
            how,
            not_gathered,
            not_gathered_detail,
            parents,
            agencies,
            dimensions,
            analysis,
            risks,
            strengths,
            found,
        ]

    def pick(self, templates: tuple[str, ...], words: dict[str, str]) -> str:
        return fill(self.rng.choice(templates), words)
