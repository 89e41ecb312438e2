"""Settings come from FACTWIRE_* variables; options given on the command line win."""

from __future__ import annotations

import pytest

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
        ("FACTWIRE_EXTRACTOR", "bert", "expected 'hybrid', 'spacy' or 'rules'"),
        ("FACTWIRE_SECURITY_PROTOCOL", "TLS", "SASL_SSL"),
        ("FACTWIRE_EXTRACT_TIMEOUT_S", "soon", "expected a number"),
        ("FACTWIRE_EXTRACT_TIMEOUT_S", "0", "above 0"),
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
