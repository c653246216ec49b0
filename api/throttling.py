"""Request rates per anonymous client and per signed-in user, counted in Django's cache.

DRF's throttles read their rates once, when the module is imported; these read them on each
request, so the environment's rates (settings) and a test's small ones both take effect.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous clients, by IP address (`anon` rate)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class SignedInThrottle(UserRateThrottle):
    """Signed-in users, by user id (`user` rate)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
