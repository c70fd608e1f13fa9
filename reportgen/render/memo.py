"""Pages kept from the last build when their inputs did not change (with a build cache).

A page is a template over its context, so the key of its inputs is a hash of the renderer (the
code, templates and libraries, `cache.sites.package_digest`, and any template folder), the
template's name, the page's path and the pickled context. What a template asks of the whole
build is not in the context's values: a slug lookup (`source_slug(name)`) and whether an entity
has a page (`e.id in linked_entities`). Those are recorded while the page renders, with their
answers; the page is kept only if the same questions get the same answers now. So one article
more changes the pages that show it or ask about it, not every page that could have linked to
anything.

A page the key cannot describe (a context pickle refuses, an answer that is not plain JSON) is
rendered every time: slower, never wrong.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Container
from pathlib import Path
from typing import Any

from ..cache.pages import Answer, PageManifest
from ..cache.sites import folder_digests, package_digest

LINKED = "linked_entities"  # the context's set of entities with a page (None: all have one)
_PLAIN = (str, int, float, bool, type(None))


class _Asked:
    """A function of the context that notes each question and its answer."""

    def __init__(self, name: str, function: Callable[..., Any], answers: dict) -> None:
        self.name, self.function, self.answers = name, function, answers

    def __call__(self, *args: Any) -> Any:
        answer = self.function(*args)
        self.answers[(self.name, args)] = answer
        return answer


class _Membership:
    """The set of entities with a page, noting each id a template asks about."""

    def __init__(self, members: Container[str], answers: dict) -> None:
        self.members, self.answers = members, answers

    def __contains__(self, item: object) -> bool:
        found = item in self.members
        self.answers[(LINKED, (item,))] = found
        return found


def _ask(context: dict[str, Any], name: str, args: list) -> Any:
    if name == LINKED:
        members = context.get(LINKED)
        return members is None or args[0] in members
    return context[name](*args)


class Derived:
    """A context value made from other values of the same context (`make(*args)`), made when
    a template first iterates it: the key describes it by `make`'s name alone, as its arguments
    are in the key already, so a page that is kept never makes it."""

    def __init__(self, make: Callable[..., Any], *args: Any) -> None:
        self.make, self.args = make, args
        self._value: Any = None

    def __iter__(self) -> Any:
        if self._value is None:
            self._value = self.make(*self.args)
        return iter(self._value)


def _described(name: str, value: Any) -> Any:
    if isinstance(value, Derived):
        return ("derived", value.make.__module__, value.make.__qualname__)
    return ("asked", name) if _asks(name, value) else value


class PageMemo:
    def __init__(self, cache_dir: Path, output: Path, template_folders: list[Path]) -> None:
        self.manifest = PageManifest(cache_dir, output)
        self.salt = "|".join([package_digest(), *folder_digests(template_folders)])

    def key(
        self, template: str, relative: str, context: dict[str, Any], pdf: str | None = None
    ) -> str | None:
        """The hash of the page's inputs (`pdf`: the PDF it names, if any), or None when the
        context cannot be pickled."""
        material = [(name, _described(name, value)) for name, value in context.items()]
        digest = _Digest()
        pickler = pickle.Pickler(digest, protocol=5)
        # Without the memo, equal values pickle alike whatever objects they share: an analysis
        # read from the cache shares fewer strings than one just made.
        pickler.fast = True
        try:
            pickler.dump((self.salt, template, relative, pdf, material))
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None
        return digest.hash.hexdigest()

    def kept(self, relative: str, key: str, context: dict[str, Any]) -> tuple[int, str] | None:
        """The size and sha256 of the page's file if the last build rendered it from `key`
        and its template's questions get the same answers now; else None."""
        found = self.manifest.kept(relative, key)
        if found is None:
            return None
        answers, size, sha256 = found
        for name, args, answer in answers:
            if name not in context or _ask(context, name, args) != answer:
                return None
        self.manifest.keep(relative)
        return size, sha256

    def asking(self, context: dict[str, Any]) -> tuple[dict[str, Any], dict]:
        """The context with its functions and entity set noting what the template asks."""
        answers: dict = {}
        asked = {
            name: _wrap(name, value, answers) if _asks(name, value) else value
            for name, value in context.items()
        }
        return asked, answers

    def record(self, relative: str, key: str, answers: dict, sha256: str) -> None:
        plain: list[Answer] = []
        for (name, args), answer in answers.items():
            if not all(isinstance(v, _PLAIN) for v in (*args, answer)):
                return  # not comparable next time: the page is rendered again then
            plain.append([name, list(args), answer])
        plain.sort(key=lambda item: (item[0], repr(item[1])))
        self.manifest.record(relative, key, plain, sha256)

    def save(self) -> None:
        self.manifest.save()


class _Digest:
    """A file for the pickler that hashes what it is given instead of keeping it."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return len(data)


def _asks(name: str, value: Any) -> bool:
    return (name == LINKED and value is not None) or callable(value)


def _wrap(name: str, value: Any, answers: dict) -> Any:
    return _Membership(value, answers) if name == LINKED else _Asked(name, value, answers)

