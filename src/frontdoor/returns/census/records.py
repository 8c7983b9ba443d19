"""A child as the census sees them on its reference date, with the records each part came from.

The exporter writes these and the rules read them, so a broken rule always names the record to fix.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class CensusAssessment:
    id: int
    started: date
    authorised: date | None
    factors: list[str]


@dataclass(slots=True)
class CensusCinPlan:
    id: int
    start: date
    end: date | None


@dataclass(slots=True)
class CensusSection47:
    id: int
    start: date
    conference_target: date | None
    conference: date | None
    not_required: bool


@dataclass(slots=True)
class CensusCpPlan:
    id: int
    start: date
    end: date | None
    initial_category: str
    latest_category: str
    previous_plans: int
    reviews: list[date]


@dataclass(slots=True)
class CensusEpisode:
    """One referral: a CINdetails module."""

    referral_id: int
    referral_date: date
    source: str
    primary_need: str
    closed: date | None
    closure_reason: str
    is_nfa: bool
    assessments: list[CensusAssessment] = field(default_factory=list)
    cin_plans: list[CensusCinPlan] = field(default_factory=list)
    section_47s: list[CensusSection47] = field(default_factory=list)
    cp_plans: list[CensusCpPlan] = field(default_factory=list)


@dataclass(slots=True)
class CensusChild:
    person_id: int
    la_child_id: str
    upn: str
    former_upn: str
    upn_unknown: str
    birth_date: date | None
    expected_birth_date: date | None
    sex: str
    death_date: date | None
    ethnicity: str
    disabilities: list[str]
    episodes: list[CensusEpisode] = field(default_factory=list)

    @property
    def is_unborn(self) -> bool:
        return self.birth_date is None and self.expected_birth_date is not None
