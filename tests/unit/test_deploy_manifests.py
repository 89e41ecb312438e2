"""The Kubernetes manifests parse, and the settings they pass are ones factwire knows."""

from __future__ import annotations

from pathlib import Path

import yaml

from factwire.settings import variables

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
KNOWN = set(variables())


def _documents() -> dict[str, dict[str, object]]:
    return {p.name: yaml.safe_load(p.read_text()) for p in sorted(K8S.glob("*.yaml"))}


def test_kustomization_lists_existing_files() -> None:
    docs = _documents()
    resources = docs["kustomization.yaml"]["resources"]
    assert isinstance(resources, list)
    assert all(name in docs for name in resources)


def test_config_and_secret_only_set_known_variables() -> None:
    docs = _documents()
    config = docs["configmap.yaml"]["data"]
    secret = docs["secret.example.yaml"]["stringData"]
    assert isinstance(config, dict)
    assert isinstance(secret, dict)
    assert set(config) | set(secret) <= KNOWN


def test_probes_use_the_worker_pages() -> None:
    deployment = _documents()["deployment.yaml"]
    container = deployment["spec"]["template"]["spec"]["containers"][0]  # type: ignore[index]
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/health"
