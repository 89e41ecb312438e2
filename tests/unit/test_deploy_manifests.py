"""The Kubernetes manifests: valid against the Kubernetes schemas, and consistent with factwire.

Core resources are validated in full (strict: unknown fields fail) with kubernetes-validate.
The KEDA ScaledObject and the PodMonitor are custom resources, whose schemas kubernetes-validate
does not ship: their metadata and the Kubernetes types they embed (a label selector) are
validated against the Kubernetes definitions, and the rest is checked here against the
Deployment and the ConfigMap they refer to.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from kubernetes_validate import utils as kubernetes_validate
from referencing import Registry, Resource

from factwire.settings import Settings, variables

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.33.0"
CUSTOM_KINDS = {"ScaledObject", "PodMonitor"}
# Measured by `make bench` (bench/README.md): resident memory of the worker's event-loop process
# and of one spaCy extraction process after 20,000 articles, in MiB, rounded up.
MAIN_PROCESS_MIB = 180
EXTRACTION_PROCESS_MIB = 170


def _setting_names() -> set[str]:
    return set(variables())


def _documents() -> dict[str, dict[str, Any]]:
    return {p.name: yaml.safe_load(p.read_text()) for p in sorted(K8S.glob("*.yaml"))}


def _container() -> dict[str, Any]:
    pod = _documents()["deployment.yaml"]["spec"]["template"]["spec"]
    containers = pod["containers"]
    assert len(containers) == 1
    return dict(containers[0])


def _config() -> dict[str, str]:
    return dict(_documents()["configmap.yaml"]["data"])


def _env() -> dict[str, str]:
    return {item["name"]: item["value"] for item in _container().get("env", [])}


def _quantity_mib(quantity: str) -> float:
    units = {"Mi": 1.0, "Gi": 1024.0, "M": 1e6 / 2**20, "G": 1e9 / 2**20}
    number, unit = re.fullmatch(r"([\d.]+)([A-Za-z]*)", quantity).groups()  # type: ignore[union-attr]
    return float(number) * units[unit]


# -- schemas --------------------------------------------------------------------------------


def test_kustomization_lists_existing_files() -> None:
    docs = _documents()
    resources = docs["kustomization.yaml"]["resources"]
    assert isinstance(resources, list)
    assert all(name in docs for name in resources)


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in K8S.glob("*.yaml")
        if p.name != "kustomization.yaml"
        and yaml.safe_load(p.read_text())["kind"] not in CUSTOM_KINDS
    ),
)
def test_core_resources_are_valid_kubernetes(name: str) -> None:
    document = _documents()[name]
    kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def _definitions_validator(definition: str) -> jsonschema.protocols.Validator:
    """A validator for one type of the Kubernetes definitions kubernetes-validate ships."""
    version = ".".join(KUBERNETES_VERSION.split(".")[:2]) + ".0"
    folder = files("kubernetes_validate") / "kubernetes-json-schema" / f"v{version}-local-strict"
    definitions = json.loads((folder / "_definitions.json").read_text())
    registry: Registry[Any] = Resource.from_contents(definitions) @ Registry()
    schema = {"$ref": f"{definitions['$id']}#/$defs/{definition}"}
    return jsonschema.Draft202012Validator(schema, registry=registry)


@pytest.mark.parametrize(
    ("name", "path", "definition"),
    [
        (
            "keda-scaledobject.yaml",
            ("metadata",),
            "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
        ),
        ("podmonitor.yaml", ("metadata",), "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
        (
            "podmonitor.yaml",
            ("spec", "selector"),
            "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
        ),
    ],
)
def test_custom_resources_embed_valid_kubernetes_types(
    name: str, path: tuple[str, ...], definition: str
) -> None:
    value: Any = _documents()[name]
    for key in path:
        value = value[key]
    _definitions_validator(definition).validate(value)


def test_a_schema_error_is_caught() -> None:
    """The validation above can fail: a misspelt field of a Deployment is refused."""
    broken = _documents()["deployment.yaml"]
    broken["spec"]["template"]["spec"]["containers"][0]["securityContex"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


# -- consistency with factwire --------------------------------------------------------------


def test_config_secret_and_env_only_set_known_variables() -> None:
    secret = _documents()["secret.example.yaml"]["stringData"]
    assert set(_config()) | set(secret) | set(_env()) <= _setting_names()


def test_probes_use_the_worker_pages() -> None:
    container = _container()
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/health"
    assert container["startupProbe"]["httpGet"]["path"] == "/health"


def test_the_pod_runs_locked_down() -> None:
    pod = _documents()["deployment.yaml"]["spec"]["template"]["spec"]
    container = _container()
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert isinstance(pod["securityContext"]["runAsUser"], int)
    assert pod["securityContext"]["runAsUser"] > 0
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    # /tmp (Faust's data directory too) is the one writable path, from an emptyDir.
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]


def test_the_image_user_is_the_pods_numeric_user() -> None:
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    users = re.findall(r"^USER\s+(\d+)(?::(\d+))?\s*$", dockerfile, re.MULTILINE)
    pod = _documents()["deployment.yaml"]["spec"]["template"]["spec"]
    assert users, "the Dockerfile's USER must be numeric"
    assert int(users[-1][0]) == pod["securityContext"]["runAsUser"]


def test_concurrency_matches_the_cpu_limit() -> None:
    limits = _container()["resources"]["limits"]
    assert int(_env()["FACTWIRE_CONCURRENCY"]) == int(limits["cpu"])
    assert "FACTWIRE_CONCURRENCY" not in _config()  # one place only


def test_memory_covers_the_measured_processes() -> None:
    resources = _container()["resources"]
    processes = int(_env()["FACTWIRE_CONCURRENCY"])
    measured = MAIN_PROCESS_MIB + EXTRACTION_PROCESS_MIB * processes
    assert _quantity_mib(resources["requests"]["memory"]) >= measured
    assert _quantity_mib(resources["limits"]["memory"]) >= 2 * measured


def test_termination_grace_outlasts_the_extraction_timeout() -> None:
    pod = _documents()["deployment.yaml"]["spec"]["template"]["spec"]
    timeout = float(_config().get("FACTWIRE_EXTRACT_TIMEOUT_S", Settings().extract_timeout_s))
    assert pod["terminationGracePeriodSeconds"] > timeout


def test_the_autoscaler_watches_the_workers_group_and_topic() -> None:
    scaled = _documents()["keda-scaledobject.yaml"]
    config = _config()
    (trigger,) = scaled["spec"]["triggers"]
    assert (
        scaled["spec"]["scaleTargetRef"]["name"]
        == _documents()["deployment.yaml"]["metadata"]["name"]
    )
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["bootstrapServers"] == config["FACTWIRE_BOOTSTRAP_SERVERS"]
    assert trigger["metadata"]["topic"] == config["FACTWIRE_RAW_TOPIC"]
    group = config.get("FACTWIRE_GROUP_ID", Settings().group_id)
    assert trigger["metadata"]["consumerGroup"] == group
    # replicas beyond the partition count would idle
    assert scaled["spec"]["maxReplicaCount"] <= int(config["FACTWIRE_TOPIC_PARTITIONS"])


def test_the_pod_monitor_scrapes_the_workers_metrics_port() -> None:
    monitor = _documents()["podmonitor.yaml"]
    labels = _documents()["deployment.yaml"]["spec"]["template"]["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= labels.items()
    ports = {port["name"] for port in _container()["ports"]}
    (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
    assert endpoint["port"] in ports
    assert endpoint["path"] == "/metrics"


def test_an_error_in_a_custom_resources_kubernetes_types_is_caught() -> None:
    validator = _definitions_validator("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector")
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"matchLabel": {"app.kubernetes.io/name": "factwire"}})
