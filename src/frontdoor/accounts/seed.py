"""The council, its teams and its staff, with a demo login for every role."""

from datetime import date, time

from django.contrib.auth.hashers import make_password

from frontdoor.accounts.models import LocalAuthority, Team, User
from frontdoor.accounts.roles import Role
from frontdoor.records.services import record_event
from frontdoor.seeding import DEMO_PASSWORD, SeedContext
from frontdoor.timescales.regimes import Regime

LOCALITIES_DEMO = ["North", "South"]
LOCALITIES_LARGE = ["North", "South", "East", "West", "Central", "Riverside", "Valley"]

# One memorable login per role: (username, first name, last name, role, team key, job title).
DEMO_CAST = [
    ("contact.officer", "Amira", "Khan", Role.CONTACT_OFFICER, "access", "Contact officer"),
    ("social.worker", "Ben", "Okafor", Role.SOCIAL_WORKER, "North", "Social worker"),
    ("senior.practitioner", "Chloe", "Davies", Role.SENIOR_PRACTITIONER, "North", "Senior practitioner"),
    ("team.manager", "Daniel", "Price", Role.TEAM_MANAGER, "North", "Team manager"),
    ("access.manager", "Priya", "Shah", Role.TEAM_MANAGER, "access", "Access team manager"),
    ("service.manager", "Eleanor", "Hughes", Role.SERVICE_MANAGER, None, "Head of service"),
    ("edt.worker", "Femi", "Adeyemi", Role.EDT_WORKER, "edt", "Emergency duty social worker"),
    ("early.help", "Grace", "Murphy", Role.EARLY_HELP_PRACTITIONER, "early_help", "Family support worker"),
    ("partner", "Harriet", "Lewis", Role.PARTNER, None, "Designated safeguarding lead, Northbridge Primary"),
    ("qa.officer", "Imran", "Patel", Role.QA_OFFICER, "quality", "Quality assurance officer"),
    ("analyst", "Jess", "Taylor", Role.PERFORMANCE_ANALYST, "quality", "Performance analyst"),
    ("admin", "Kit", "Morgan", Role.ADMINISTRATOR, None, "System administrator"),
]


def seed(context: SeedContext) -> None:
    council = LocalAuthority.load()
    council.name = "Northbridge City Council"
    council.la_code = "931"
    council.regime = Regime.CURRENT
    council.regime_changed_on = date(2014, 4, 1)
    council.office_opens, council.office_closes, council.office_closes_friday = (
        time(9, 0),
        time(17, 0),
        time(16, 30),
    )
    council.front_door_phone = "0300 555 0100"
    council.out_of_hours_phone = "0300 555 0199"
    # Sized so the seeded referrals come to about the English rate of 500 per 10,000 children a year.
    council.child_population = 600_000 if context.is_large else 11_000
    council.save()

    localities = LOCALITIES_LARGE if context.is_large else LOCALITIES_DEMO
    teams = {
        "access": Team(name="Access team", kind=Team.Kind.ACCESS),
        **{name: Team(name=f"Locality team {name}", kind=Team.Kind.LOCALITY) for name in localities},
        "disabilities": Team(name="Children with disabilities team", kind=Team.Kind.DISABILITIES),
        "edt": Team(name="Emergency duty team", kind=Team.Kind.EMERGENCY_DUTY),
        "early_help": Team(name="Early help team", kind=Team.Kind.EARLY_HELP),
        "quality": Team(name="Quality and performance team", kind=Team.Kind.QUALITY),
    }
    Team.objects.bulk_create(teams.values())

    # One hash for every synthetic user: argon2 is slow by design.
    password = make_password(DEMO_PASSWORD)
    users = [
        User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@northbridge.example",
            role=role,
            team=teams[team] if team else None,
            job_title=title,
            password=password,
        )
        for username, first, last, role, team, title in DEMO_CAST
    ]
    users += _staff(context, teams, password)
    User.objects.bulk_create(users)
    context.shared["teams"] = teams
    record_event(
        kind="seed.loaded",
        by=None,
        summary=f"Loaded the synthetic {context.size} council (seed {context.seed})",
        data={"size": context.size, "seed": context.seed, "staff": len(users)},
    )
    context.say(f"Council: {council.name}, {len(teams)} teams, {len(users)} staff")


def _staff(context: SeedContext, teams: dict[str, Team], password: str) -> list[User]:
    """Everyone beyond the demo cast: 150 social workers in 12 teams for the large council."""
    per_team = {
        Team.Kind.ACCESS: [(Role.CONTACT_OFFICER, 3), (Role.SOCIAL_WORKER, 4), (Role.SENIOR_PRACTITIONER, 1)],
        Team.Kind.LOCALITY: [(Role.SOCIAL_WORKER, 3), (Role.SENIOR_PRACTITIONER, 1)],
        Team.Kind.DISABILITIES: [(Role.SOCIAL_WORKER, 2), (Role.TEAM_MANAGER, 1)],
        Team.Kind.EMERGENCY_DUTY: [(Role.EDT_WORKER, 2), (Role.TEAM_MANAGER, 1)],
        Team.Kind.EARLY_HELP: [(Role.EARLY_HELP_PRACTITIONER, 3), (Role.TEAM_MANAGER, 1)],
        Team.Kind.QUALITY: [(Role.QA_OFFICER, 1)],
    }
    if context.is_large:
        per_team = {
            Team.Kind.ACCESS: [
                (Role.CONTACT_OFFICER, 14),
                (Role.SOCIAL_WORKER, 18),
                (Role.SENIOR_PRACTITIONER, 3),
                (Role.TEAM_MANAGER, 1),
            ],
            Team.Kind.LOCALITY: [
                (Role.SOCIAL_WORKER, 15),
                (Role.SENIOR_PRACTITIONER, 2),
                (Role.TEAM_MANAGER, 1),
            ],
            Team.Kind.DISABILITIES: [
                (Role.SOCIAL_WORKER, 12),
                (Role.SENIOR_PRACTITIONER, 1),
                (Role.TEAM_MANAGER, 1),
            ],
            Team.Kind.EMERGENCY_DUTY: [(Role.EDT_WORKER, 8), (Role.TEAM_MANAGER, 1)],
            Team.Kind.EARLY_HELP: [(Role.EARLY_HELP_PRACTITIONER, 20), (Role.TEAM_MANAGER, 1)],
            Team.Kind.QUALITY: [(Role.QA_OFFICER, 4), (Role.PERFORMANCE_ANALYST, 3)],
        }
    staff = []
    taken = {username for username, *_ in DEMO_CAST}
    for team in teams.values():
        for role, count in per_team[Team.Kind(team.kind)]:
            for _ in range(count):
                first, last = context.faker.first_name(), context.faker.last_name()
                username = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
                suffix = 2
                while username in taken:
                    username = f"{first}.{last}{suffix}".lower().replace("'", "").replace(" ", "")
                    suffix += 1
                taken.add(username)
                staff.append(
                    User(
                        username=username,
                        first_name=first,
                        last_name=last,
                        email=f"{username}@northbridge.example",
                        role=role,
                        team=team,
                        job_title=Role(role).label,
                        password=password,
                    )
                )
    return staff
