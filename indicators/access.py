"""Who may see what: roles from the access file, and the one rule for restricted figures.

The dashboard asks `can_view(principal, indicator, store_status)` for every indicator
it shows, counts, compares or exports; nothing else decides. Roles come from a small
TOML file (config/access.toml): a user claim or a group claim maps to a role, the
highest matching role wins, and a signed-in user nobody listed is a viewer.

Without sign-in configured the app runs in *local mode*: the person at the keyboard
already holds the store file, so analysis and exports work, but restricted figures
are shown only while the store holds nothing but demonstration data.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from indicators.catalogue import Indicator
from indicators.errors import InputError, Problem
from indicators.settings import settings


class Role(IntEnum):
    """Ordered: each role may do everything the roles below it may."""

    VIEWER = 1  # public indicators only
    EVALUATOR = 2  # public indicators, all analysis and exports
    TASKFORCE = 3  # also restricted indicators
    ADMIN = 4  # also imports from the app

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: object, where: Problem) -> Role:
        try:
            return cls[str(value).upper()]
        except KeyError:
            names = ", ".join(r.label for r in cls)
            raise InputError(
                Problem(where.file, where.row, where.column, f"unknown role {value!r} ({names})")
            ) from None


# What each action needs; pages and exports ask `allowed(principal, action)`.
ACTIONS: dict[str, Role] = {
    "analysis": Role.EVALUATOR,
    "export": Role.EVALUATOR,
    "restricted": Role.TASKFORCE,
    "import": Role.ADMIN,
}


@dataclass(frozen=True)
class Principal:
    """The person behind a session, as far as the app knows."""

    user: str
    email: str | None
    groups: tuple[str, ...]
    role: Role
    signed_in: bool

    @property
    def local(self) -> bool:
        return not self.signed_in


# Local mode: no identity provider, so nobody is signed in. Analysis and exports work
# (the user has the store file anyway); restricted figures follow the demonstration rule.
LOCAL = Principal(user="local", email=None, groups=(), role=Role.EVALUATOR, signed_in=False)


@dataclass(frozen=True)
class AccessRules:
    """The access file, parsed: which claims to read and what they map to."""

    user_claim: str = "email"
    groups_claim: str = "groups"
    default_role: Role = Role.VIEWER
    users: Mapping[str, Role] = field(default_factory=dict)
    groups: Mapping[str, Role] = field(default_factory=dict)
    subs: Mapping[str, Role] = field(default_factory=dict)
    source: str = "(built-in defaults)"

    def principal(self, claims: Mapping[str, Any]) -> Principal:
        """The principal for a signed-in user's identity claims (`st.user`)."""
        named = _claim_text(claims.get(self.user_claim)) if self.user_claim != "sub" else ""
        sub = _claim_text(claims.get("sub"))
        user = named or sub
        if not user:
            raise InputError(
                Problem("identity token", None, self.user_claim, "no user claim in the token")
            )
        groups = _claim_list(claims.get(self.groups_claim))
        email = _claim_text(claims.get("email"))
        roles = [self.default_role]
        # [users] holds e-mail-like names: matched only against the user and e-mail
        # claims, never against `sub` (a provider's subject can be any string, also
        # someone else's address). Subjects are matched exactly, against [subs] only.
        names = {k.lower() for k in (named, email) if k}
        roles += [self.users[k] for k in names if k in self.users]
        roles += [self.subs[sub]] if sub in self.subs else []
        roles += [self.groups[g] for g in groups if g in self.groups]
        return Principal(user, email, groups, max(roles), signed_in=True)


def _claim_text(value: object) -> str:
    return str(value).strip() if value is not None else ""


def _claim_list(value: object) -> tuple[str, ...]:
    """A groups claim is a list in most providers, a space- or comma-separated string in some."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Iterable[object] = value.replace(",", " ").split()
    elif isinstance(value, Iterable):
        items = value
    else:
        items = [value]
    return tuple(sorted({str(v).strip() for v in items if str(v).strip()}))


def access_file() -> Path:
    return settings().access


def load_access(path: Path | str | None = None) -> AccessRules:
    """Read the access file; a broken file is an error, never a silent default."""
    path = Path(path) if path else access_file()
    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Problem(name, None, None, "access file not found")) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(Problem(name, None, None, f"not valid TOML: {exc}")) from None
    problems: list[Problem] = []
    known = {"claims", "default_role", "users", "groups", "subs"}
    problems += [Problem(name, None, k, "unknown setting") for k in sorted(set(data) - known)]
    claims = data.get("claims", {})
    for key in sorted(set(claims) - {"user", "groups"}):
        problems.append(Problem(name, None, f"claims.{key}", "unknown setting"))

    def roles(section: str, lower: bool) -> dict[str, Role]:
        table = data.get(section, {})
        if not isinstance(table, dict):
            problems.append(Problem(name, None, section, "must be a table of name = role"))
            return {}
        out: dict[str, Role] = {}
        for key, value in table.items():
            try:
                out[key.lower() if lower else key] = Role.parse(
                    value, Problem(name, None, f"{section}.{key}", "")
                )
            except InputError as exc:
                problems.extend(exc.problems)
        return out

    users, groups = roles("users", lower=True), roles("groups", lower=False)
    subs = roles("subs", lower=False)
    default = Role.VIEWER
    try:
        default = Role.parse(
            data.get("default_role", "viewer"), Problem(name, None, "default_role", "")
        )
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        raise InputError(problems, summary=f"{name}: the access file is invalid")
    return AccessRules(
        user_claim=str(claims.get("user", "email")),
        groups_claim=str(claims.get("groups", "groups")),
        default_role=default,
        users=users,
        groups=groups,
        subs=subs,
        source=name,
    )


def allowed(principal: Principal, action: str) -> bool:
    """May this principal do `action` ('analysis', 'export', 'import')?"""
    return principal.role >= ACTIONS[action]


def can_view(principal: Principal, indicator: Indicator, store_status: str) -> bool:
    """The one rule for showing, counting, comparing, caching or exporting an indicator.

    `store_status` is Store.demo_status(): 'demo', 'mixed', 'real' or 'empty'. In local
    mode a restricted indicator is shown only while the store is all demonstration data.
    """
    if not indicator.restricted:
        return True
    if principal.local:
        return store_status == "demo"
    return principal.role >= ACTIONS["restricted"]


def visible_ids(
    principal: Principal, indicators: Iterable[Indicator], store_status: str
) -> frozenset[str]:
    """Ids of the indicators this principal may see: part of every shared cache key."""
    return frozenset(i.id for i in indicators if can_view(principal, i, store_status))
