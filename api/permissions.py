"""Who may do what: Django's model permissions for writes, reads open to everyone.

DRF's `DjangoModelPermissionsOrAnonReadOnly` asks for no permission on a read, yet builds
the view's queryset on every request to learn the model whose permissions it would ask
for (an annotated queryset for sources). A read is answered without it, as the same class
would answer; every other method goes through it unchanged.
"""

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly

# The methods DjangoModelPermissions maps to no permission at all.
UNGUARDED_METHODS = frozenset(
    method for method, perms in DjangoModelPermissionsOrAnonReadOnly.perms_map.items() if not perms
)


class ModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    def has_permission(self, request, view):
        if request.method in UNGUARDED_METHODS:
            # What the parent returns for these methods: any user (anonymous or not,
            # active or not) has every permission of an empty list.
            return bool(request.user)
        return super().has_permission(request, view)
