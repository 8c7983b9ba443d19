from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts.models import ApiToken
from frontdoor.accounts.services import revoke_api_token


class Command(BaseCommand):
    help = "Revoke an API token, named by the first characters of its key (its prefix)."

    def add_arguments(self, parser: CommandParser) -> None:
        # With its "fd_" the prefix can never be mistaken for an option, as a bare one starting "-" would be.
        parser.add_argument(
            "prefix", help="The start of the key: 'fd_' and the 8 characters after it, or the whole key."
        )

    def handle(self, *args: Any, prefix: str, **options: Any) -> None:
        prefix = prefix.removeprefix("fd_")[:8]
        tokens = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True))
        if len(tokens) != 1:
            raise CommandError(f"{len(tokens)} active tokens have the prefix {prefix!r}; expected one")
        token = revoke_api_token(token=tokens[0], by=None)
        self.stdout.write(f"Revoked API token '{token.name}' of {token.user.username}.")
