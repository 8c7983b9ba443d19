import factory
from factory.django import DjangoModelFactory

from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Role
from frontdoor.people.models import Address, Person, Residence
from frontdoor.people.search_index import reindex_person

PASSWORD = "correct-horse-battery"


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Locality team {n}")
    kind = Team.Kind.LOCALITY


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = Role.SOCIAL_WORKER
    team = factory.SubFactory(TeamFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class PersonFactory(DjangoModelFactory):
    """A person as the services would leave them: an LA child ID and search index rows."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = factory.Faker("date_of_birth", minimum_age=0, maximum_age=17)
    sex = factory.Iterator(["M", "F"])

    @factory.post_generation
    def indexed(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.la_child_id = f"FD{self.pk:08d}"
            self.save(update_fields=["la_child_id"])
            reindex_person(self)


def live_at(person: Person, line_1: str = "1 High Street", postcode: str = "NB1 2AB") -> Residence:
    address, _ = Address.objects.get_or_create(line_1=line_1, postcode=postcode, defaults={"town": "Northbridge"})
    return Residence.objects.create(person=person, address=address)
