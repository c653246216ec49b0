"""Accounts for the local demo: a superuser whose password is fresh on every start."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction


@transaction.atomic
def reset_demo_superuser(*, username: str = "admin") -> str:
    """Create or update the demo superuser with a new random password, and return it."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    return password
