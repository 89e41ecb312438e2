"""Settings come from FACTWIRE_* variables; options given on the command line win."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from factwire.enricher.app import faust_options
from factwire.settings import Settings, SettingsError


def test_defaults_follow_the_contract() -> None:
    s = Settings.from_env({})
    assert (s.raw_topic, s.enriched_topic, s.dlq_topic) == (
        "articles.raw",
        "articles.enriched",
        "articles.dlq",
    )
    assert s.bootstrap_servers == "localhost:9092"
    assert s.max_body_chars == 1_000_000


def test_environment_is_read_and_converted() -> None:
    s = Settings.from_env(
        {
            "FACTWIRE_BOOTSTRAP_SERVERS": "k1:9092,k2:9092",
            "FACTWIRE_RAW_TOPIC": "in",
            "FACTWIRE_EXTRACTOR": "rules",
            "FACTWIRE_MAX_BODY_CHARS": "500",
            "FACTWIRE_SECURITY_PROTOCOL": "sasl_plaintext",
            "FACTWIRE_EXTRACT_TIMEOUT_S": "2.5",
        }
    )
    assert s.bootstrap_servers == "k1:9092,k2:9092"
    assert s.raw_topic == "in"
    assert s.extractor == "rules"
    assert s.max_body_chars == 500
    assert s.security_protocol == "SASL_PLAINTEXT"
    assert s.extract_timeout_s == 2.5


def test_overrides_win_over_environment_and_none_is_ignored() -> None:
    s = Settings.from_env({"FACTWIRE_RAW_TOPIC": "env"}, raw_topic="cli", dlq_topic=None)
    assert s.raw_topic == "cli"
    assert s.dlq_topic == "articles.dlq"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("FACTWIRE_MAX_BODY_CHARS", "lots", "whole number"),
        (
            "FACTWIRE_EXTRACTOR",
            "bert",
            "FACTWIRE_EXTRACTOR='bert': expected one of 'hybrid', 'spacy', 'rules'",
        ),
        ("FACTWIRE_SECURITY_PROTOCOL", "TLS", "SASL_SSL"),
        ("FACTWIRE_EXTRACT_TIMEOUT_S", "soon", "expected a number"),
        ("FACTWIRE_EXTRACT_TIMEOUT_S", "0", "greater than 0"),
        ("FACTWIRE_LOG_LEVEL", "loud", "expected one of 'debug'"),
        ("FACTWIRE_KAFKA__NO_SUCH_OPTION", "1", "FACTWIRE_KAFKA__NO_SUCH_OPTION: not an option"),
        ("FACTWIRE_KAFKA__GROUP_ID", "other", "FACTWIRE_KAFKA__GROUP_ID: factwire sets"),
        ("FACTWIRE_SASL_PASSWORD_FILE", "/nonexistent/pw", "FACTWIRE_SASL_PASSWORD_FILE: No such"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({name: value})


def test_password_is_not_in_repr_and_sasl_options_are_passed() -> None:
    s = Settings.from_env(
        {
            "FACTWIRE_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
            "FACTWIRE_SASL_MECHANISM": "SCRAM-SHA-512",
            "FACTWIRE_SASL_USERNAME": "alice",
            "FACTWIRE_SASL_PASSWORD": "s3cret-value",
        }
    )
    assert "s3cret-value" not in repr(s)
    opts = s.kafka_client_options()
    assert opts["sasl_mechanism"] == "SCRAM-SHA-512"
    assert opts["sasl_plain_password"] == "s3cret-value"


def test_the_constructor_reads_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTWIRE_RAW_TOPIC", "from-env")
    assert Settings().raw_topic == "articles.raw"
    assert Settings.from_env().raw_topic == "from-env"


def test_a_dotenv_file_is_read_and_the_environment_wins_over_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("FACTWIRE_RAW_TOPIC=dotenv\nFACTWIRE_GROUP_ID=dotenv-group\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTWIRE_GROUP_ID", "env-group")
    s = Settings.from_env()
    assert (s.raw_topic, s.group_id) == ("dotenv", "env-group")
    assert Settings.from_env({}).raw_topic == "articles.raw"  # an explicit mapping: no .env


def test_the_password_can_come_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("from-a-file\n")
    s = Settings.from_env({"FACTWIRE_SASL_PASSWORD_FILE": str(secret)})
    assert s.sasl_password == "from-a-file"
    both = {"FACTWIRE_SASL_PASSWORD_FILE": str(secret), "FACTWIRE_SASL_PASSWORD": "direct"}
    assert Settings.from_env(both).sasl_password == "direct"


def test_other_kafka_options_pass_through_to_the_clients_that_take_them() -> None:
    s = Settings.from_env(
        {
            "FACTWIRE_KAFKA__COMPRESSION_TYPE": "gzip",
            "FACTWIRE_KAFKA__FETCH_MAX_WAIT_MS": "250",
            "FACTWIRE_KAFKA__PRODUCER_COMPRESSION_TYPE": "gzip",
        }
    )
    producer = s.kafka_client_options(AIOKafkaProducer)
    consumer = s.kafka_client_options(AIOKafkaConsumer)
    assert producer["compression_type"] == "gzip" and "fetch_max_wait_ms" not in producer
    assert consumer["fetch_max_wait_ms"] == 250 and "compression_type" not in consumer
    assert faust_options(s)["producer_compression_type"] == "gzip"


def test_the_environment_of_a_child_process_reproduces_the_settings() -> None:
    s = Settings(
        raw_topic="child.raw",
        extractor="rules",
        sasl_password="pw",
        kafka={"request_timeout_ms": 7000, "client_id": "child"},
    )
    assert Settings.from_env(s.environment()) == s


def test_with_overrides_validates_and_ignores_none() -> None:
    s = Settings().with_overrides(raw_topic="x", dlq_topic=None)
    assert (s.raw_topic, s.dlq_topic) == ("x", "articles.dlq")
    with pytest.raises(SettingsError, match="FACTWIRE_CONCURRENCY"):
        s.with_overrides(concurrency=-1)
