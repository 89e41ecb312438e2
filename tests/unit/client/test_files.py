"""Reading articles for `factwire publish`: every file and line becomes an article or a
rejection that names where it came from."""

from __future__ import annotations

from pathlib import Path

import orjson

from factwire.client.files import (
    ArticleItem,
    Rejected,
    Skipped,
    id_from_name,
    read_articles,
    split_title,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_text_file_is_one_article_with_its_id_from_the_file_name(tmp_path: Path) -> None:
    write(
        tmp_path / "port-strike.txt",
        "Dockers walk out\n\nWorkers at the port of Antwerp stopped work.\n",
    )
    [item] = read_articles([tmp_path / "port-strike.txt"])
    assert isinstance(item, ArticleItem)
    assert item.article.id == "port-strike"
    assert item.article.title == "Dockers walk out"
    assert item.article.body == "Workers at the port of Antwerp stopped work."


def test_a_text_without_a_title_line_is_all_body() -> None:
    assert split_title("One paragraph only.\nSecond line.") == (
        None,
        "One paragraph only.\nSecond line.",
    )


def test_jsonl_rejections_name_the_file_and_line(tmp_path: Path) -> None:
    good = orjson.dumps({"id": "a1", "body": "Text."}).decode()
    path = write(tmp_path / "batch.jsonl", f"{good}\n\n{{broken\n" + '{"id": "a2"}\n')
    items = list(read_articles([path]))
    assert isinstance(items[0], ArticleItem) and items[0].article.id == "a1"
    assert [str(i.origin) for i in items[1:]] == [f"{path}:3", f"{path}:4"]
    assert all(isinstance(i, Rejected) for i in items[1:])
    assert "body" in str(items[2])  # the missing field is named


def test_a_json_file_holds_one_raw_article(tmp_path: Path) -> None:
    path = write(
        tmp_path / "one.json", orjson.dumps({"id": "x-1", "body": "B", "source": "Wire"}).decode()
    )
    [item] = read_articles([path])
    assert isinstance(item, ArticleItem) and item.article.source == "Wire"


def test_directories_are_read_recursively_in_name_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second.")
    write(tmp_path / "sub" / "a.txt", "Nested.")
    write(tmp_path / "a.txt", "First.")
    write(tmp_path / ".hidden.txt", "Hidden.")
    write(tmp_path / "notes.csv", "x,y")
    items = list(read_articles([tmp_path]))
    ids = [i.article.id for i in items if isinstance(i, ArticleItem)]
    assert ids == ["a", "b", "a"]  # a.txt, b.txt, sub/a.txt
    assert [Path(i.path).name for i in items if isinstance(i, Skipped)] == ["notes.csv"]


def test_missing_paths_and_empty_files_are_rejected(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "   \n")
    items = list(read_articles([tmp_path / "nope.txt", tmp_path / "empty.txt"]))
    assert [type(i) for i in items] == [Rejected, Rejected]
    assert "no such file" in str(items[0])


def test_ids_from_file_names_keep_only_allowed_characters() -> None:
    assert id_from_name("Breaking news (2).txt") == "Breaking-news-2"
    assert id_from_name("report.v2.json") == "report.v2"
