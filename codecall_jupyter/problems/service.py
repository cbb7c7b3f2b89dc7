"""Which problems a user may see and use, finding them, and users' own problems.

Bank and operator folders are read once (in a thread) and kept; users' problems live in
the database and are parsed when read. Someone else's private problem answers 404, as if
it did not exist.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, delete, or_, select

from ..services.errors import Conflict, NotFound
from ..services.friends import FriendService
from ..store.db import Database
from ..store.models import Run, UserProblem
from ..store.types import utcnow
from .faults import ProblemInvalid
from .folders import load_all
from .model import Problem
from .parse import parse, valid_id

Visibility = str  # private | friends


@dataclass(frozen=True)
class ProblemQuery:
    text: str = ""
    difficulty: str | None = None
    tag: str | None = None
    language: str | None = None
    solved: bool | None = None  # by the asking user
    mine: bool = False  # only problems the asking user wrote


DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def matching(
    problems: list[Problem], query: ProblemQuery, user_id: int, solved: set[str]
) -> list[Problem]:
    """The ``problems`` that ``query`` asks ``user_id`` for; ``solved`` are theirs."""
    words = query.text.lower().split()

    def keep(p: Problem) -> bool:
        haystack = " ".join((p.id, p.title, " ".join(p.tags), p.body)).lower()
        return (
            all(word in haystack for word in words)
            and (query.difficulty is None or p.difficulty == query.difficulty)
            and (query.tag is None or query.tag in p.tags)
            and (query.language is None or query.language in p.languages)
            and (query.solved is None or (p.id in solved) == query.solved)
            and (not query.mine or p.owner_id == user_id)
        )

    return [p for p in problems if keep(p)]


class ProblemService:
    def __init__(self, db: Database, friends: FriendService, roots: list[Path]) -> None:
        self.db = db
        self.friends = friends
        self.roots = roots
        self._folders: dict[str, Problem] | None = None
        self.invalid: list[ProblemInvalid] = []
        self._load_lock = asyncio.Lock()
        self._parsed: dict[str, tuple[object, Problem]] = {}

    # --- reading ----------------------------------------------------------------------------

    async def folder_problems(self) -> dict[str, Problem]:
        """The bank's and the operator's problems, read once."""
        async with self._load_lock:
            if self._folders is None:
                problems, self.invalid = await asyncio.to_thread(load_all, self.roots)
                self._folders = {p.id: p for p in problems}
        return self._folders

    async def get(self, user_id: int, problem_id: str) -> Problem:
        """A problem ``user_id`` may see; NotFound otherwise."""
        folders = await self.folder_problems()
        if problem_id in folders:
            return folders[problem_id]
        async with self.db.session() as s:
            row = await s.get(UserProblem, problem_id) if valid_id(problem_id) else None
        if row is None or not await self._may_see(user_id, row):
            raise NotFound("No such problem.", code="no_such_problem")
        return self._parse_row(row)

    async def visible(self, user_id: int) -> list[Problem]:
        """Every problem ``user_id`` may use, easy first: the folders', theirs, friends' shared."""
        problems = list((await self.folder_problems()).values())
        problems += await self._users_problems(user_id)
        return sorted(problems, key=lambda p: (DIFFICULTY_ORDER[p.difficulty], p.title))

    async def find(self, user_id: int, query: ProblemQuery) -> list[Problem]:
        solved = await self.solved_ids(user_id) if query.solved is not None else set()
        return matching(await self.visible(user_id), query, user_id, solved)

    async def solved_ids(self, user_id: int) -> set[str]:
        """Problems ``user_id`` has judged with every case passing."""
        async with self.db.session() as s:
            rows = await s.execute(
                select(Run.problem_id)
                .where(Run.user_id == user_id, Run.problem_id.is_not(None), Run.verdict == "OK")
                .distinct()
            )
            return {str(r) for r in rows.scalars()}

    async def _users_problems(self, user_id: int) -> list[Problem]:
        friends = await self.friends.friend_ids(user_id)
        condition = UserProblem.owner_id == user_id
        if friends:
            shared = and_(UserProblem.owner_id.in_(friends), UserProblem.visibility == "friends")
            condition = or_(condition, shared)
        async with self.db.session() as s:
            rows = (await s.execute(select(UserProblem).where(condition))).scalars().all()
        return [p for p in map(self._parse_or_none, rows) if p is not None]

    async def _may_see(self, user_id: int, row: UserProblem) -> bool:
        if row.owner_id == user_id:
            return True
        return row.visibility == "friends" and await self.friends.are_friends(user_id, row.owner_id)

    def _parse_row(self, row: UserProblem) -> Problem:
        held = self._parsed.get(row.id)  # one entry per problem: its latest version
        cached = held[1] if held is not None and held[0] == row.updated_at else None
        if cached is None or cached.shared != (row.visibility == "friends"):
            files = {k: v.encode("utf-8") for k, v in json.loads(row.files).items()}
            cached = parse(
                row.id,
                files,
                strict=False,
                trusted=False,
                source="user",
                owner_id=row.owner_id,
                shared=row.visibility == "friends",
            )
            self._parsed[row.id] = (row.updated_at, cached)
        return cached

    def _parse_or_none(self, row: UserProblem) -> Problem | None:
        try:
            return self._parse_row(row)
        except ProblemInvalid:
            return None  # stored before a rule tightened: its owner sees the fault on edit

    # --- users' own problems ---------------------------------------------------------------

    def validate(self, problem_id: str, files: dict[str, str], owner_id: int) -> Problem:
        """Static checks only (the sandbox check is the caller's next step)."""
        return parse(
            problem_id,
            {k: v.encode("utf-8") for k, v in files.items()},
            strict=False,
            trusted=False,
            source="user",
            owner_id=owner_id,
        )

    async def save(
        self,
        owner_id: int,
        problem: Problem,
        files: dict[str, str],
        visibility: Visibility,
        *,
        create: bool,
    ) -> None:
        if problem.id in await self.folder_problems():
            raise Conflict("The bank has a problem with that id; choose another.", code="taken")
        async with self.db.session() as s, s.begin():
            row = await s.get(UserProblem, problem.id)
            if create and row is not None:
                raise Conflict("A problem with that id exists; choose another.", code="taken")
            if not create and (row is None or row.owner_id != owner_id):
                raise NotFound("No such problem.", code="no_such_problem")
            if row is None:
                row = UserProblem(id=problem.id, owner_id=owner_id, created_at=utcnow())
                s.add(row)
            row.visibility = visibility
            row.title = problem.title
            row.difficulty = problem.difficulty
            row.files = json.dumps(files, sort_keys=True)
            row.updated_at = utcnow()

    async def own_files(self, owner_id: int, problem_id: str) -> dict[str, str]:
        """The files of a problem ``owner_id`` wrote (for editing and export)."""
        async with self.db.session() as s:
            row = await s.get(UserProblem, problem_id) if valid_id(problem_id) else None
        if row is None or row.owner_id != owner_id:
            raise NotFound("No such problem.", code="no_such_problem")
        return dict(json.loads(row.files))

    async def visibility_of(self, problem_id: str) -> Visibility | None:
        async with self.db.session() as s:
            row = await s.get(UserProblem, problem_id)
        return row.visibility if row is not None else None

    async def delete(self, owner_id: int, problem_id: str) -> None:
        async with self.db.session() as s, s.begin():
            found = await s.execute(
                delete(UserProblem).where(
                    UserProblem.id == problem_id, UserProblem.owner_id == owner_id
                )
            )
            if not found.rowcount:  # type: ignore[attr-defined]
                raise NotFound("No such problem.", code="no_such_problem")
        self._parsed.pop(problem_id, None)


def tags_of(problems: Iterable[Problem]) -> list[str]:
    return sorted({t for p in problems for t in p.tags})
