"""template.yaml invariants that neither cfn-lint nor the local stack would catch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bananajam.local.resources import load_template, resources_of_type, schedule_seconds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tpl() -> dict[str, Any]:
    return load_template()


def fn(tpl: dict[str, Any], name: str) -> dict[str, Any]:
    props: dict[str, Any] = tpl["Resources"][name]["Properties"]
    return props


def policy_names(props: dict[str, Any]) -> set[str]:
    names = set()
    for p in props.get("Policies", []):
        names |= set(p) if isinstance(p, dict) else {p}
    return names


def test_runtime_arch_and_layer(tpl: dict[str, Any]) -> None:
    g = tpl["Globals"]["Function"]
    assert g["Runtime"] in ("python3.12", "python3.13") and g["Architectures"] == ["arm64"]
    (layer,) = resources_of_type(tpl, "AWS::Serverless::LayerVersion").values()
    assert layer["Metadata"]["BuildMethod"] == g["Runtime"]
    assert layer["Metadata"]["BuildArchitecture"] == "arm64"
    assert layer["Properties"]["ContentUri"] == "shared/"


def test_every_function_has_its_entry_point(tpl: dict[str, Any]) -> None:
    functions = resources_of_type(tpl, "AWS::Serverless::Function")
    assert len(functions) == 7
    for res in functions.values():
        p = res["Properties"]
        module = p["Handler"].split(".")[0]
        assert (ROOT / p["CodeUri"] / f"{module}.py").exists()


def test_queue_visibility_and_redrive(tpl: dict[str, Any]) -> None:
    worker = fn(tpl, "WorkerFunction")
    queue = tpl["Resources"]["JobsQueue"]["Properties"]
    assert queue["VisibilityTimeout"] >= 6 * worker["Timeout"]
    assert 3 <= queue["RedrivePolicy"]["maxReceiveCount"] <= 5
    (sqs_event,) = worker["Events"].values()
    assert sqs_event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_cleanup_is_scheduled(tpl: dict[str, Any]) -> None:
    assert schedule_seconds(tpl) == {"CleanupFunction": 3600}


def test_table_and_bucket(tpl: dict[str, Any]) -> None:
    t = tpl["Resources"]["Table"]["Properties"]
    assert t["BillingMode"] == "PAY_PER_REQUEST"
    assert t["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert t["GlobalSecondaryIndexes"][0]["IndexName"] == "GSI1"
    b = tpl["Resources"]["AssetBucket"]["Properties"]
    assert all(b["PublicAccessBlockConfiguration"].values())
    assert b["BucketEncryption"] and b["LifecycleConfiguration"]["Rules"]


def test_least_privilege(tpl: dict[str, Any]) -> None:
    cache = policy_names(fn(tpl, "CacheFunction"))
    assert not any("SQS" in p for p in cache), "the cache function gets no SQS"
    jobs = policy_names(fn(tpl, "JobsFunction"))
    assert "S3WritePolicy" not in jobs and "S3CrudPolicy" not in jobs
    for name, res in resources_of_type(tpl, "AWS::Serverless::Function").items():
        for p in res["Properties"].get("Policies", []):
            assert p not in ("AdministratorAccess", "AmazonS3FullAccess"), name
            for stmt in p.get("Statement", []) if isinstance(p, dict) else []:
                assert stmt["Resource"] != "*" and "*" not in stmt["Action"], name


def test_outputs(tpl: dict[str, Any]) -> None:
    assert {"ApiUrl", "TableName", "BucketName", "QueueUrl"} <= set(tpl["Outputs"])
