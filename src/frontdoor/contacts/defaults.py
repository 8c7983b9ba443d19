"""The common four-level model of need (domain.md section 6, profile A), as a starting point.

Each council replaces the descriptions and criteria with those of its own
threshold document on the threshold model page.
"""

from typing import Any

LEVELS = [
    (
        1,
        "Universal",
        "Needs are met by universal services. The child is making good progress and parents meet their needs.",
        ["nfa", "advice", "signpost", "open_case"],
        [
            ("child", "Healthy and meeting developmental milestones"),
            ("child", "Attends school or nursery regularly and is making progress"),
            ("parenting", "Parents provide safe, consistent and loving care"),
            ("family", "Stable housing and a supportive family network"),
        ],
    ),
    (
        2,
        "Additional needs (early help)",
        "Additional needs that one agency, or a little co-ordination, can meet with the family's agreement.",
        ["nfa", "advice", "signpost", "early_help", "open_case", "marac"],
        [
            ("child", "A health or developmental need that is not being fully met"),
            ("child", "Poor school attendance or falling behind"),
            ("child", "Emotional or behavioural difficulties starting to show"),
            ("parenting", "Parents need support with routines, boundaries or guidance"),
            ("family", "Family under temporary stress: bereavement, separation, debt"),
            ("family", "Housing that is overcrowded or insecure"),
        ],
    ),
    (
        3,
        "Complex needs (child in need)",
        "Several needs together. The child's health or development is impaired or at high risk, and "
        "needs a co-ordinated, multi-agency response: an assessment under section 17.",
        ["early_help", "assessment", "open_case", "marac"],
        [
            ("child", "Health or development significantly impaired without services"),
            ("child", "Persistent absence, exclusion or going missing"),
            ("child", "Child is a young carer with significant responsibilities"),
            ("parenting", "Parent's mental health, drug or alcohol use affects care of the child"),
            ("parenting", "Domestic abuse in the household, assessed at standard or medium risk"),
            ("family", "Child with a disability whose family needs support to meet their needs"),
        ],
    ),
    (
        4,
        "Acute needs (child protection)",
        "The child is suffering, or is likely to suffer, significant harm, or has acute needs: a strategy "
        "discussion, section 47 enquiries or immediate protection.",
        ["assessment", "strategy", "open_case", "marac"],
        [
            ("child", "Injury or disclosure suggesting physical or sexual abuse"),
            ("child", "Risk of sexual or criminal exploitation"),
            ("child", "Severe neglect: basic needs not met, left alone or unsupervised"),
            ("parenting", "Domestic abuse assessed as high risk"),
            ("parenting", "Parent unable to keep the child safe, or abandonment"),
            ("family", "Child living with a person who poses a risk to children"),
        ],
    ),
]


def install_default_threshold_model(level_model: Any, criterion_model: Any) -> None:
    """Create the default levels and criteria, given the models (real or a migration's historical ones)."""
    for number, name, description, outcomes, criteria in LEVELS:
        level = level_model.objects.create(number=number, name=name, description=description, allowed_outcomes=outcomes)
        criterion_model.objects.bulk_create(
            criterion_model(level=level, domain=domain, text=text, order=order)
            for order, (domain, text) in enumerate(criteria)
        )
