"""The record opened: the database made private and upgraded, and every recording in one transaction.

Opening a SQLite record creates its folder (0700) and its file (0600) when missing — it holds personal
data — then runs the migrations (``upgrade head``). A recording resolves each row to a person (or an
organisation) by the rules of ``People`` and ``_organisation``, replaces the year's earlier outcome of
that person (kept, marked replaced), and commits once: a crash before the commit leaves the record as it
was (the SQLite journal is rolled back on the next open; PostgreSQL drops the transaction with the
connection). Writers are serialised: SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's advisory lock.
"""

from __future__ import annotations

import os
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .identity import card_key, clean, name_key, one_line, spelling_difference
from .location import Target
from .models import Organisation, Outcome, Person, Run
from .records import Conflict, HistoryError, MemberRow, OrganisationRow, Positions, Recorded, RunInfo, shown_day

MIGRATIONS = Path(__file__).resolve().with_name("migrations")
SCHEMA_VERSION = "0002"  # the migrations' head this kiemdiem writes
WRITE_LOCK = 0x6B64_6873  # PostgreSQL advisory lock: one writer (and one migration) at a time
_CHUNK = 500  # names or cards per IN (…) query
# Why ``People.match`` found nobody for a row the record knows something of (None: nobody recorded matches).
MATCH_CARD, MATCH_SPELLING, MATCH_SEVERAL, MATCH_NO_DATE = "the_khac", "cach_viet", "nhieu_nguoi", "khong_ngay"

#: Tests only: called with the index of each row once it is written, inside the transaction (a test makes it
#: end the process half-way to check that nothing of the recording stays).
after_row = None


def alembic_config(connection: Connection | None = None, url: str | None = None):
    """Alembic's configuration for the shipped migrations (a developer's new revision:
    ``alembic.command.revision(alembic_config(url="sqlite:////tmp/h.sqlite"), "…", autogenerate=True)``)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _reason(error: BaseException) -> str:
    """The driver's own words for a failure, on one line, without SQLAlchemy's advice links."""
    inner = getattr(error, "orig", None) or error
    text = " ".join(str(inner).split()) or type(inner).__name__
    return text[:300]


def _private_file(path: Path) -> None:
    """Create the missing folders (0700) and the file (0600) before SQLite does (it would use the umask)."""
    missing, folder = [], path.parent
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    try:
        for made in reversed(missing):
            os.mkdir(made, 0o700)
            os.chmod(made, 0o700)
        if path.is_dir():
            raise HistoryError(f"hồ sơ xếp loại {path}: đây là thư mục, không phải tệp")
        if not path.exists():
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600))
                os.chmod(path, 0o600)
            except FileExistsError:  # another kiemdiem made it in between
                pass
    except OSError as error:
        raise HistoryError(f"không tạo được hồ sơ xếp loại {path}: {error.strerror or error}") from None


def _engine(target: Target) -> Engine:
    try:
        if target.sqlite:
            engine = create_engine(target.url, connect_args={"timeout": 60})

            @event.listens_for(engine, "connect")
            def _connect(dbapi_connection, _record):
                dbapi_connection.isolation_level = None  # SQLAlchemy begins, not the driver
                dbapi_connection.execute("pragma foreign_keys = on")

            @event.listens_for(engine, "begin")
            def _begin(connection):
                connection.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock first: no deadlock

            return engine
        args = {"connect_timeout": 15} if target.url.startswith("postgresql+psycopg") else {}
        return create_engine(target.url, connect_args=args)
    except ModuleNotFoundError as error:
        raise HistoryError(
            f"hồ sơ xếp loại {target.shown}: thiếu trình điều khiển cơ sở dữ liệu ({error.name}); "
            "với PostgreSQL: pip install 'kiemdiem[postgres]'"
        ) from None
    except (SQLAlchemyError, ValueError) as error:
        raise HistoryError(f"hồ sơ xếp loại {target.shown}: địa chỉ không dùng được ({_reason(error)})") from None


def _upgrade(engine: Engine, target: Target) -> None:
    """Bring the schema to this kiemdiem's head; refuse a record written by a newer kiemdiem."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"select pg_advisory_xact_lock({WRITE_LOCK})")
        config = alembic_config(connection)
        script = ScriptDirectory.from_config(config)
        current = MigrationContext.configure(connection).get_current_revision()
        if current == script.get_current_head():
            return
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise HistoryError(
                f"hồ sơ xếp loại {target.shown} có lược đồ phiên bản “{current}”, do một kiemdiem mới hơn "
                f"tạo (phiên bản này biết đến “{SCHEMA_VERSION}”): hãy cập nhật kiemdiem"
            )
        try:
            command.upgrade(config, "head")
        except CommandError as error:
            raise HistoryError(
                f"hồ sơ xếp loại {target.shown}: không nâng cấp được lược đồ ({_reason(error)})"
            ) from None


def open_store(target: Target) -> "Store":
    """The record at ``target``, created and upgraded as needed; ``HistoryError`` when it cannot be."""
    if target.path is not None:
        _private_file(target.path)
    engine = _engine(target)
    try:
        _upgrade(engine, target)
    except HistoryError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise HistoryError(f"không mở được hồ sơ xếp loại {target.shown}: {_reason(error)}") from None
    return Store(target, engine)


def _decimal(score) -> Decimal | None:
    if score is None or isinstance(score, bool):
        return None
    if isinstance(score, Fraction):
        value = Decimal(score.numerator) / Decimal(score.denominator)
    else:
        value = Decimal(str(score))
    return value.quantize(Decimal("0.001"))


def chunks(values: list) -> list[list]:
    values = sorted(values)
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


class Store:
    """An open record. ``record`` writes one recording; ``session`` reads (generator.history.show)."""

    def __init__(self, target: Target, engine: Engine):
        self.target, self.engine = target, engine

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def session(self) -> Session:
        return Session(self.engine)

    def record(
        self, run: RunInfo, members: list[MemberRow] = (), organisations: list[OrganisationRow] = ()
    ) -> Recorded:
        """Write the rows in one transaction; those that would merge people silently come back as conflicts."""
        try:
            with Session(self.engine) as session:
                if session.bind.dialect.name == "postgresql":
                    session.connection().exec_driver_sql(f"select pg_advisory_xact_lock({WRITE_LOCK})")
                writing = _Recording(session, run)
                writing.members(list(members))
                writing.organisations(list(organisations))
                if writing.done.added or writing.done.replaced:
                    session.commit()
                else:
                    session.rollback()  # nothing new: no run is recorded
                    writing.done.run_id = None
            return writing.done
        except SQLAlchemyError as error:
            raise HistoryError(
                f"không ghi được vào hồ sơ xếp loại {self.target.shown}: {_reason(error)}; "
                "hồ sơ giữ nguyên như trước lần ghi này"
            ) from None


class _Recording:
    """One transaction's work."""

    def __init__(self, session: Session, run: RunInfo):
        self.session, self.info = session, run
        self.run = Run(
            recorded_at=run.when,
            kind=run.kind,
            source=run.source,
            input_sha256=run.input_sha256,
            kiemdiem_version=run.version,
            nam=run.nam,
            regime=run.regime,
            profile=run.profile,
            dang_bo=run.dang_bo,
        )
        session.add(self.run)
        session.flush()
        self.done = Recorded(run_id=self.run.id)
        self.rows = 0

    # -- members -----------------------------------------------------------------------------
    def members(self, rows: list[MemberRow]) -> None:
        people = People(self.session, rows)
        here: dict[tuple[int, int], str] = {}  # (person id, year) → the row of this recording that holds it
        for row in self._distinct(rows):
            person, conflict = people.resolve(row)
            if conflict is None and (person.id, row.result.nam) in here:
                conflict = (
                    f"cùng một người với {here[person.id, row.result.nam]} của lần ghi này "
                    f"({people.words(person)}), cùng năm {row.result.nam}: chưa ghi dòng này"
                )
            if conflict is None:
                conflict = self._outcome(row, person, None, row.ho_ten, lambda: people.words(person))
            if conflict is not None:
                self.done.conflicts.append(Conflict(row.place.where, row.ho_ten, conflict))
                continue
            people.fill(person, row)
            here[person.id, row.result.nam] = row.place.where
            self._written()

    def _distinct(self, rows: list[MemberRow]) -> list[MemberRow]:
        """The rows, less those that name one member twice in the same year (all of them are reported)."""
        groups = defaultdict(list)
        for row in rows:
            key = (
                ("the", card_key(row.so_the))
                if row.so_the
                else ("ten", name_key(row.ho_ten), row.ngay_sinh, row.ngay_vao_dang)
            )
            groups[row.result.nam, key].append(row)
        out = []
        for row in rows:
            key = (
                ("the", card_key(row.so_the))
                if row.so_the
                else ("ten", name_key(row.ho_ten), row.ngay_sinh, row.ngay_vao_dang)
            )
            same = groups[row.result.nam, key]
            if len(same) == 1:
                out.append(row)
                continue
            others = "; ".join(f"{o.place.where} (“{o.ho_ten}”)" for o in same if o is not row)
            what = f"số thẻ đảng viên {row.so_the}" if row.so_the else "họ tên, ngày sinh và ngày vào Đảng"
            self.done.conflicts.append(
                Conflict(
                    row.place.where,
                    row.ho_ten,
                    f"cùng {what} với {others}, cùng năm {row.result.nam}: chưa ghi dòng nào "
                    "trong số đó; mỗi đảng viên chỉ một dòng mỗi năm",
                )
            )
        return out

    # -- organisations ---------------------------------------------------------------------------
    def organisations(self, rows: list[OrganisationRow]) -> None:
        seen: dict[tuple, str] = {}
        for row in rows:
            key = (name_key(row.place.dang_bo), row.ma, row.result.nam)
            if key in seen:
                self.done.conflicts.append(
                    Conflict(
                        row.place.where,
                        row.ten,
                        f"mã tổ chức “{row.ma}” đã có ở {seen[key]} của lần ghi này: chưa ghi dòng này",
                    )
                )
                continue
            seen[key] = row.place.where
            organisation, conflict = self._organisation(row)
            if conflict is None:
                conflict = self._outcome(row, None, organisation, row.ten, lambda: f"“{organisation.ten}”")
            if conflict is not None:
                self.done.conflicts.append(Conflict(row.place.where, row.ten, conflict))
                continue
            self._written()

    def _organisation(self, row: OrganisationRow) -> tuple[Organisation | None, str | None]:
        """An organisation is its đảng bộ and code; a recorded name that differs is the clerk's to settle."""
        dang_bo = name_key(row.place.dang_bo)
        found = self.session.scalar(
            select(Organisation).where(Organisation.dang_bo_chuan == dang_bo, Organisation.ma == row.ma)
        )
        ten = one_line(row.ten)
        if found is None:
            found = Organisation(
                dang_bo=one_line(row.place.dang_bo), dang_bo_chuan=dang_bo, ma=row.ma, ten=ten, loai=row.loai
            )
            self.session.add(found)
            self.session.flush()
            return found, None
        if found.ten != ten:
            how = (
                f"khác cách viết ({spelling_difference(found.ten, ten)})"
                if name_key(found.ten) == name_key(ten)
                else "khác tên"
            )
            return None, (
                f"mã tổ chức “{row.ma}” của {one_line(row.place.dang_bo)} đã ghi trong hồ sơ cho “{found.ten}”; "
                f"dòng này ghi “{ten}”, {how}: chưa ghi. Nếu là một tổ chức, ghi tên như trong hồ sơ; "
                "nếu là tổ chức khác, dùng mã khác"
            )
        if row.loai and found.loai is None:
            found.loai = row.loai
        return found, None

    # -- the year's outcome ------------------------------------------------------------------------
    def _outcome(self, row, person: Person | None, organisation: Organisation | None, name: str, words) -> str | None:
        """Add the row's outcome, replacing the current one of that year; a reason when it cannot be."""
        result, place = row.result, row.place
        subject = Outcome.person_id == person.id if person is not None else Outcome.organisation_id == organisation.id
        current = self.session.scalar(
            select(Outcome).where(subject, Outcome.nam == result.nam, Outcome.replaced_at.is_(None))
        )
        values = dict(
            nam=result.nam,
            regime=result.regime,
            profile=result.profile,
            ten=one_line(name),
            dang_bo=one_line(place.dang_bo),
            to_chuc_co_so_ma=place.to_chuc_co_so_ma,
            to_chuc_co_so_ten=_line(place.to_chuc_co_so_ten),
            chi_bo_ma=place.chi_bo_ma,
            chi_bo_ten=_line(place.chi_bo_ten),
            level=result.level,
            score=_decimal(result.score),
            tieu_bieu=result.tieu_bieu,
            quota=result.quota,
        )
        positions = row.positions if isinstance(row, MemberRow) else Positions()
        values.update({key: _line(getattr(positions, key)) for key in Positions.FIELDS})
        if current is not None and result.tieu_bieu is None and current.level == result.level:
            values["tieu_bieu"] = current.tieu_bieu  # a run that does not know it keeps a recognition recorded
        if current is not None:
            if name_key(current.dang_bo) != name_key(place.dang_bo):
                return (
                    f"năm {result.nam} đã có kết quả của {words()} ở {current.dang_bo} "
                    f"({_where(current)}): chưa ghi; mỗi năm chỉ một kết quả, hãy kiểm tra có phải cùng một người không"
                )
            if all(getattr(current, key) == value for key, value in values.items()):
                self.done.unchanged += 1
                return None
        new = Outcome(
            run_id=self.run.id,
            person_id=person.id if person is not None else None,
            organisation_id=organisation.id if organisation is not None else None,
            place=place.where,
            **values,
        )
        if current is not None:
            current.replaced_at = self.info.when  # no longer current: the year's new row may take its place
            self.session.flush()
        self.session.add(new)
        self.session.flush()
        if current is not None:
            current.replaced_by = new.id
            self.done.replaced += 1
        else:
            self.done.added += 1
        return None

    def _written(self) -> None:
        if after_row is not None:
            self.session.flush()
            after_row(self.rows)
        self.rows += 1


def _line(text: str | None) -> str | None:
    return one_line(text) if text else text


def _where(outcome: Outcome) -> str:
    """ "dang-bo-2024.xlsx, trang “Đảng viên”, dòng 5, ghi ngày 20/12/2024"."""
    run = outcome.run
    when = run.recorded_at.strftime("%d/%m/%Y") if run.recorded_at else ""
    return f"{Path(run.source).name}, {outcome.place}, ghi ngày {when}"


class People:
    """The people a recording's rows may be, loaded once (by their names and cards), and the rules that
    find which one a row is — or why the clerk must say.

    A card number, when the row gives it, is the member: the same card with another name (or the same
    name spelled otherwise), birth or admission date is reported. Without it (or with a card the record
    does not know yet) the member is the one recorded person with the same name (spaces and case aside),
    no date that disagrees and at least one date both know; the name spelled otherwise than recorded, two
    such people, or a namesake with no date to compare are reported. Anyone else is a new person."""

    def __init__(self, session: Session, rows: list[MemberRow]):
        self.session = session
        self.by_name: dict[str, list[Person]] = defaultdict(list)
        self.by_card: dict[str, Person] = {}
        self._known: set[int] = set()
        names = {name_key(r.ho_ten) for r in rows}
        cards = {card_key(r.so_the) for r in rows if r.so_the}
        for chunk in chunks(list(names)):
            for person in session.scalars(select(Person).where(Person.ho_ten_chuan.in_(chunk))):
                self._index(person)
        for chunk in chunks(list(cards)):
            for person in session.scalars(select(Person).where(Person.so_the_chuan.in_(chunk))):
                self._index(person)

    def _index(self, person: Person) -> None:
        if person.id in self._known:
            return
        self._known.add(person.id)
        self.by_name[person.ho_ten_chuan].append(person)
        if person.so_the_chuan:
            self.by_card[person.so_the_chuan] = person

    def words(self, person: Person) -> str:
        """“Nguyễn Văn An” (sinh 02/03/1980, vào Đảng 05/06/2005, thẻ số 012345; đã ghi năm 2024: …)."""
        facts = [
            f"sinh {shown_day(person.ngay_sinh)}" if person.ngay_sinh else "",
            f"vào Đảng {shown_day(person.ngay_vao_dang)}" if person.ngay_vao_dang else "",
            f"thẻ số {person.so_the_dang_vien}" if person.so_the_dang_vien else "",
        ]
        last = self.session.scalars(
            select(Outcome)
            .where(Outcome.person_id == person.id, Outcome.replaced_at.is_(None))
            .order_by(Outcome.nam.desc())
        ).first()
        if last is not None:
            unit = ", ".join(filter(None, [last.chi_bo_ten, last.dang_bo]))
            facts.append(f"đã ghi năm {last.nam} ở {unit} — {_where(last)}")
        shown = "; ".join(f for f in (", ".join(f for f in facts[:3] if f), *facts[3:]) if f)
        return f"“{person.ho_ten}”" + (f" ({shown})" if shown else "")

    def resolve(self, row: MemberRow) -> tuple[Person | None, str | None]:
        """The recorded person of ``row``, a new one (added to the session), or None and why not."""
        person, _, conflict = self._find(row)
        if person is not None or conflict is not None:
            return person, conflict
        typed = clean(row.ho_ten)
        person = Person(
            ho_ten=typed,
            ho_ten_chuan=name_key(typed),
            ngay_sinh=row.ngay_sinh,
            ngay_vao_dang=row.ngay_vao_dang,
            so_the_dang_vien=clean(row.so_the) if row.so_the else None,
            so_the_chuan=card_key(row.so_the) if row.so_the else None,
        )
        self.session.add(person)
        self.session.flush()
        self._index(person)
        return person, None

    def known(self, row: MemberRow) -> Person | None:
        """The recorded person ``row`` is by the record's rules, without writing anything: None for one not
        recorded, and for a row the record would refuse (another spelling, two people who match)."""
        return self._find(row)[0]

    def match(self, row: MemberRow) -> tuple[Person | None, str | None]:
        """As ``known``, with why no person was found: (the person, None); (None, None) for one not recorded;
        (None, kind) for a row the record would refuse — ``MATCH_CARD`` its card is recorded with another name
        or date, ``MATCH_SPELLING`` the name is recorded spelled otherwise, ``MATCH_SEVERAL`` two recorded
        people match, ``MATCH_NO_DATE`` a namesake with no date both know."""
        person, kind, _ = self._find(row)
        return person, kind

    def _find(self, row: MemberRow) -> tuple[Person | None, str | None, str | None]:
        """(the person, None, None), (None, the kind of refusal, why the row is refused) or (None, None, None)
        for a person not recorded."""
        typed = clean(row.ho_ten)  # as typed: a double space or another case is the clerk's to settle
        if row.so_the:
            card = card_key(row.so_the)
            person = self.by_card.get(card)
            if person is not None:
                if person.ho_ten != typed:
                    how = (
                        f"khác cách viết ({spelling_difference(person.ho_ten, typed)})"
                        if person.ho_ten_chuan == name_key(typed)
                        else "khác họ tên"
                    )
                    return (
                        None,
                        MATCH_CARD,
                        (
                            f"số thẻ đảng viên {row.so_the} đã ghi trong hồ sơ cho {self.words(person)}; dòng này "
                            f"ghi “{typed}”, {how}: chưa ghi. Nếu là một người, ghi họ tên như trong hồ sơ; "
                            "nếu không, kiểm tra lại số thẻ"
                        ),
                    )
                differs = self._differs(person, row)
                if differs:
                    return (
                        None,
                        MATCH_CARD,
                        (
                            f"số thẻ đảng viên {row.so_the} đã ghi trong hồ sơ cho {self.words(person)}; dòng này "
                            f"ghi {differs}: chưa ghi; kiểm tra lại ngày hoặc số thẻ"
                        ),
                    )
                return person, None, None
            candidates = [
                p for p in self.by_name[name_key(typed)] if p.so_the_chuan is None and not self._differs(p, row)
            ]
        else:
            candidates = [p for p in self.by_name[name_key(typed)] if not self._differs(p, row)]
        matched = [p for p in candidates if self._shared(p, row)]
        if len(matched) > 1:
            return (
                None,
                MATCH_SEVERAL,
                (
                    f"họ tên và ngày khớp với hai người trong hồ sơ: {self.words(matched[0])} và "
                    f"{self.words(matched[1])}: chưa ghi; ghi số thẻ đảng viên để biết là ai"
                ),
            )
        if matched:
            person = matched[0]
            if person.ho_ten != typed:
                return (
                    None,
                    MATCH_SPELLING,
                    (
                        f"họ tên “{typed}” khác cách viết ({spelling_difference(person.ho_ten, typed)}) với "
                        f"{self.words(person)} trong hồ sơ: chưa ghi, để không gộp nhầm hai người. Nếu là một người, "
                        "ghi họ tên như trong hồ sơ; nếu là hai người, ghi số thẻ đảng viên của từng người"
                    ),
                )
            return person, None, None
        if candidates:
            dates = ", ".join(
                filter(
                    None,
                    [
                        f"sinh {shown_day(row.ngay_sinh)}" if row.ngay_sinh else "",
                        f"vào Đảng {shown_day(row.ngay_vao_dang)}" if row.ngay_vao_dang else "",
                    ],
                )
            )
            return (
                None,
                MATCH_NO_DATE,
                (
                    f"cùng họ tên với {self.words(candidates[0])} trong hồ sơ, nhưng không có ngày nào cả hai cùng ghi "
                    f"để so (dòng này: {dates or 'không ghi ngày'}): chưa ghi; ghi thêm ngày sinh, ngày vào Đảng "
                    "hoặc số thẻ đảng viên"
                ),
            )
        return None, None, None

    @staticmethod
    def _differs(person: Person, row: MemberRow) -> str:
        """The dates both know that disagree, in words ("" when none)."""
        out = []
        if person.ngay_sinh and row.ngay_sinh and person.ngay_sinh != row.ngay_sinh:
            out.append(f"ngày sinh {shown_day(row.ngay_sinh)} (hồ sơ: {shown_day(person.ngay_sinh)})")
        if person.ngay_vao_dang and row.ngay_vao_dang and person.ngay_vao_dang != row.ngay_vao_dang:
            out.append(f"ngày vào Đảng {shown_day(row.ngay_vao_dang)} (hồ sơ: {shown_day(person.ngay_vao_dang)})")
        return " và ".join(out)

    @staticmethod
    def _shared(person: Person, row: MemberRow) -> bool:
        return bool((person.ngay_sinh and row.ngay_sinh) or (person.ngay_vao_dang and row.ngay_vao_dang))

    def fill(self, person: Person, row: MemberRow) -> None:
        """What a recorded row knows and the record did not: a date, the card."""
        person.ngay_sinh = person.ngay_sinh or row.ngay_sinh
        person.ngay_vao_dang = person.ngay_vao_dang or row.ngay_vao_dang
        if row.so_the and person.so_the_chuan is None:
            person.so_the_dang_vien, person.so_the_chuan = clean(row.so_the), card_key(row.so_the)
            self.by_card[person.so_the_chuan] = person
