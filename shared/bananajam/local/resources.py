"""Create the table, bucket, queue and DLQ from template.yaml's own resource Properties.

Tests and the local stack both call `create_from_template`, so local resources cannot drift
from what is deployed. Names come from the settings (CloudFormation would generate them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bananajam.config import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = PROJECT_ROOT / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    """A YAML loader that keeps CloudFormation short-form tags (`!Ref X` → `{"Ref": "X"}`)."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {name: value}


_CfnLoader.add_multi_constructor("!", _tag)


def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    data = yaml.load(path.read_text(), Loader=_CfnLoader)
    assert isinstance(data, dict)
    return data


def resources_of_type(template: dict[str, Any], cfn_type: str) -> dict[str, dict[str, Any]]:
    return {
        name: res
        for name, res in template.get("Resources", {}).items()
        if res.get("Type") == cfn_type
    }


@dataclass(frozen=True)
class Route:
    """One HttpApi route of the template and the function (code folder, handler) behind it."""

    method: str
    path: str
    function: str
    code_uri: str
    handler: str

    @property
    def pattern(self) -> re.Pattern[str]:
        regex = re.sub(r"\{[^}/]+\+\}", ".+", self.path)
        regex = re.sub(r"\{[^}/]+\}", "[^/]+", regex)
        return re.compile(f"^{regex}$")


def http_routes(template: dict[str, Any] | None = None) -> list[Route]:
    """Every HttpApi event of every function, literal paths first (as API Gateway prefers)."""
    tpl = template or load_template()
    out = []
    for name, res in resources_of_type(tpl, "AWS::Serverless::Function").items():
        props = res["Properties"]
        for event in props.get("Events", {}).values():
            if event.get("Type") == "HttpApi":
                p = event["Properties"]
                out.append(
                    Route(p["Method"].upper(), p["Path"], name, props["CodeUri"], props["Handler"])
                )
    return sorted(out, key=lambda r: (r.path.count("{"), -len(r.path)))


def schedule_seconds(template: dict[str, Any] | None = None) -> dict[str, float]:
    """Function name → period in seconds of its `ScheduleV2 rate(...)` event."""
    tpl = template or load_template()
    units = {"minute": 60, "minutes": 60, "hour": 3600, "hours": 3600, "day": 86400, "days": 86400}
    out: dict[str, float] = {}
    for name, res in resources_of_type(tpl, "AWS::Serverless::Function").items():
        for event in res["Properties"].get("Events", {}).values():
            if event.get("Type") != "ScheduleV2":
                continue
            expr = event["Properties"]["ScheduleExpression"]
            m = re.fullmatch(r"rate\((\d+)\s+(\w+)\)", expr)
            if not m or m.group(2) not in units:
                raise ValueError(f"{name}: unsupported schedule {expr!r} (use rate(N unit))")
            out[name] = int(m.group(1)) * units[m.group(2)]
    return out


def _queues(tpl: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    queues = resources_of_type(tpl, "AWS::SQS::Queue")
    main = [q for q in queues.values() if "RedrivePolicy" in q.get("Properties", {})]
    dlq = [q for q in queues.values() if "RedrivePolicy" not in q.get("Properties", {})]
    if len(main) != 1 or len(dlq) != 1:
        raise ValueError("template.yaml must define one queue with a RedrivePolicy and one DLQ")
    return main[0]["Properties"], dlq[0]["Properties"]


def _queue_attributes(props: dict[str, Any]) -> dict[str, str]:
    keys = (
        "VisibilityTimeout",
        "MessageRetentionPeriod",
        "DelaySeconds",
        "ReceiveMessageWaitTimeSeconds",
    )
    return {k: str(props[k]) for k in keys if k in props}


def create_from_template(settings: Settings, clients: dict[str, Any]) -> dict[str, str]:
    """Create every stateful resource with `clients` ("dynamodb", "s3", "sqs").

    Returns the table and bucket names and the queue URLs.
    """
    import json

    tpl = load_template()
    (table,) = resources_of_type(tpl, "AWS::DynamoDB::Table").values()
    tp = table["Properties"]
    ddb = clients["dynamodb"]
    ddb.create_table(
        TableName=settings.table_name,
        BillingMode=tp["BillingMode"],
        AttributeDefinitions=tp["AttributeDefinitions"],
        KeySchema=tp["KeySchema"],
        GlobalSecondaryIndexes=tp.get("GlobalSecondaryIndexes", []),
    )
    if tp.get("TimeToLiveSpecification"):
        ddb.update_time_to_live(
            TableName=settings.table_name, TimeToLiveSpecification=tp["TimeToLiveSpecification"]
        )

    (bucket,) = resources_of_type(tpl, "AWS::S3::Bucket").values()
    bp = bucket["Properties"]
    s3 = clients["s3"]
    extra = {}
    if settings.region != "us-east-1":
        extra["CreateBucketConfiguration"] = {"LocationConstraint": settings.region}
    s3.create_bucket(Bucket=settings.bucket_name, **extra)
    s3.put_public_access_block(
        Bucket=settings.bucket_name,
        PublicAccessBlockConfiguration=bp["PublicAccessBlockConfiguration"],
    )
    s3.put_bucket_encryption(
        Bucket=settings.bucket_name,
        ServerSideEncryptionConfiguration={
            # CloudFormation and the S3 API spell this one property differently.
            "Rules": [
                {"ApplyServerSideEncryptionByDefault": r["ServerSideEncryptionByDefault"]}
                for r in bp["BucketEncryption"]["ServerSideEncryptionConfiguration"]
            ]
        },
    )
    rules = []
    for r in bp["LifecycleConfiguration"]["Rules"]:
        rule: dict[str, Any] = {"ID": r["Id"], "Status": r["Status"]}
        rule["Filter"] = {"Prefix": r.get("Prefix", "")}
        if "ExpirationInDays" in r:
            rule["Expiration"] = {"Days": r["ExpirationInDays"]}
        if "AbortIncompleteMultipartUpload" in r:
            rule["AbortIncompleteMultipartUpload"] = r["AbortIncompleteMultipartUpload"]
        rules.append(rule)
    s3.put_bucket_lifecycle_configuration(
        Bucket=settings.bucket_name, LifecycleConfiguration={"Rules": rules}
    )

    sqs = clients["sqs"]
    main, dlq = _queues(tpl)
    dlq_url = sqs.create_queue(QueueName=settings.dlq_name, Attributes=_queue_attributes(dlq))[
        "QueueUrl"
    ]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    redrive = {
        "deadLetterTargetArn": dlq_arn,
        "maxReceiveCount": str(main["RedrivePolicy"]["maxReceiveCount"]),
    }
    attrs = {**_queue_attributes(main), "RedrivePolicy": json.dumps(redrive)}
    queue_url = sqs.create_queue(QueueName=settings.queue_name, Attributes=attrs)["QueueUrl"]
    return {
        "table": settings.table_name,
        "bucket": settings.bucket_name,
        "queue_url": queue_url,
        "dlq_url": dlq_url,
    }
