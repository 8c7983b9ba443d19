from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts.models import User
from frontdoor.accounts.services import create_api_token


class Command(BaseCommand):
    help = "Make an API token for a user; the key is shown once and stored only as a hash."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The username the token acts as.")
        parser.add_argument("--name", required=True, help="What uses the token.")

    def handle(self, *args: Any, user: str, name: str, **options: Any) -> None:
        try:
            owner = User.objects.get(username=user, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"There is no active user called {user!r}") from None
        token, key = create_api_token(user=owner, name=name, by=None)
        self.stdout.write(f"API token '{token.name}' for {owner.username}:\n\n  {key}\n")
        self.stdout.write("Keep it safe: it cannot be shown again.")
