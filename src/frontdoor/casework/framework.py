"""The Assessment Framework triangle: the three domains and their dimensions, the sections of every assessment.

From the Framework for the Assessment of Children in Need and their
Families (2000), kept by Working Together 2013, 2018 and 2023
(../shared/reference/domain.md section 9).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Dimension:
    code: str
    label: str
    prompt: str


@dataclass(frozen=True)
class Domain:
    code: str
    label: str
    dimensions: tuple[Dimension, ...]


TRIANGLE = (
    Domain(
        "child",
        "The child's developmental needs",
        (
            Dimension("health", "Health", "Growth, development, physical and mental health; appointments kept."),
            Dimension(
                "education", "Education", "Attendance, progress, special educational needs, how school sees them."
            ),
            Dimension(
                "emotional", "Emotional and behavioural development", "Feelings, behaviour, attachment, resilience."
            ),
            Dimension("identity", "Identity", "Sense of self, culture, faith, sexuality, disability."),
            Dimension(
                "relationships", "Family and social relationships", "Relationships with family, friends and others."
            ),
            Dimension("presentation", "Social presentation", "How the child presents: appearance, hygiene, manner."),
            Dimension("self_care", "Self-care skills", "Independence and practical skills for their age."),
        ),
    ),
    Domain(
        "parenting",
        "Parenting capacity",
        (
            Dimension("basic_care", "Basic care", "Food, warmth, shelter, clean clothes, hygiene, health care."),
            Dimension("safety", "Ensuring safety", "Protection from harm and danger, at home and outside it."),
            Dimension("warmth", "Emotional warmth", "Affection, praise, being valued; stable, sensitive care."),
            Dimension("stimulation", "Stimulation", "Play, learning, encouragement, school attendance."),
            Dimension("boundaries", "Guidance and boundaries", "Rules, routines, example, managing behaviour."),
            Dimension("stability", "Stability", "Consistent carers, secure attachments, few disruptions."),
        ),
    ),
    Domain(
        "family",
        "Family and environmental factors",
        (
            Dimension(
                "history", "Family history and functioning", "Who is in the family, what has happened, how it works."
            ),
            Dimension("wider_family", "Wider family", "Relatives and friends who support or who are a risk."),
            Dimension("housing", "Housing", "Whether the home is suitable, safe and secure."),
            Dimension("employment", "Employment", "Who works, and how work affects the family."),
            Dimension("income", "Income", "Whether income meets the family's needs; debt, benefits."),
            Dimension(
                "integration", "Family's social integration", "Links with neighbours and the community; isolation."
            ),
            Dimension("community", "Community resources", "Local services, schools, health, faith and leisure."),
        ),
    ),
)

DIMENSIONS = {dimension.code: dimension for domain in TRIANGLE for dimension in domain.dimensions}
