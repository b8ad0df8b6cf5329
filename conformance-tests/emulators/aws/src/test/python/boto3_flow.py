"""Drives the emulator with boto3 (AWS SDK for Python) and prints what it observed as one JSON document.

Run by OtherOfficialClientsTest, which asserts on the output: this script only reports, it judges nothing.
Everything is batched into one process because each Python start-up costs about a second.

Environment (set by the test; nothing is read from the machine's AWS configuration):
  EMULATOR_ENDPOINT                      http://127.0.0.1:<port>
  AWS_DEFAULT_REGION                     region for every client
  AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY   the admin user, found by boto3's own environment provider
  RESTRICTED_ACCESS_KEY_ID / RESTRICTED_SECRET_ACCESS_KEY   a user allowed only to list and describe
"""
import base64
import json
import os
import sys

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["EMULATOR_ENDPOINT"]
# One attempt, bounded waits: a retry would hide a wrong first answer, and a hang must not outlive the test.
CONFIG = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=5, read_timeout=30)
TOKEN = "b0705d7e-1a2b-4c3d-8e9f-0123456789ab"


def client(service, key_id=None, secret=None):
    # key_id None: boto3's default credential chain, which the test confines to environment variables.
    return boto3.session.Session().client(service, endpoint_url=ENDPOINT, config=CONFIG,
                                          aws_access_key_id=key_id, aws_secret_access_key=secret)


def error_of(call):
    try:
        call()
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message"),
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


def main():
    admin = client("secretsmanager")
    out = {"boto3": boto3.__version__, "botocore": botocore.__version__}

    created = admin.create_secret(Name="py/db", SecretString='{"user":"app","password":"v1"}',
                                  Description="boto3 flow", Tags=[{"Key": "team", "Value": "data"}])
    out["create"] = {k: created[k] for k in ("ARN", "Name", "VersionId")}
    got = admin.get_secret_value(SecretId="py/db")
    out["get"] = {"ARN": got["ARN"], "SecretString": got["SecretString"], "VersionStages": got["VersionStages"]}

    put = admin.put_secret_value(SecretId=created["ARN"], SecretString='{"user":"app","password":"v2"}',
                                 ClientRequestToken=TOKEN)
    again = admin.put_secret_value(SecretId=created["ARN"], SecretString='{"user":"app","password":"v2"}',
                                   ClientRequestToken=TOKEN)
    out["put"] = {"VersionId": put["VersionId"], "VersionStages": put["VersionStages"],
                  "repeatVersionId": again["VersionId"]}
    out["getCurrent"] = admin.get_secret_value(SecretId="py/db")["SecretString"]
    out["getPrevious"] = admin.get_secret_value(SecretId="py/db", VersionStage="AWSPREVIOUS")["SecretString"]

    described = admin.describe_secret(SecretId="py/db")
    out["describe"] = {"Description": described["Description"], "Tags": described["Tags"],
                       "VersionIdsToStages": described["VersionIdsToStages"]}

    admin.create_secret(Name="py/blob", SecretBinary=b"\x00\x01\xfe\xff")
    out["binary"] = base64.b64encode(admin.get_secret_value(SecretId="py/blob")["SecretBinary"]).decode("ascii")

    for i in range(7):
        admin.create_secret(Name="py/page-%02d" % i, SecretString="p%d" % i)
    pages = admin.get_paginator("list_secrets").paginate(
        Filters=[{"Key": "name", "Values": ["py/page-"]}], SortBy="name", SortOrder="asc",
        PaginationConfig={"PageSize": 3})
    out["pages"] = [[s["Name"] for s in page["SecretList"]] for page in pages]

    batch = admin.batch_get_secret_value(SecretIdList=["py/db", "py/missing"])
    out["batch"] = {"values": [v["Name"] for v in batch["SecretValues"]],
                    "errors": [{"SecretId": e["SecretId"], "ErrorCode": e["ErrorCode"]} for e in batch["Errors"]]}

    restricted = client("secretsmanager", os.environ["RESTRICTED_ACCESS_KEY_ID"],
                        os.environ["RESTRICTED_SECRET_ACCESS_KEY"])
    listed = restricted.list_secrets(Filters=[{"Key": "name", "Values": ["py/db"]}])
    out["restrictedList"] = [s["Name"] for s in listed["SecretList"]]
    out["restrictedGet"] = error_of(lambda: restricted.get_secret_value(SecretId="py/db"))
    out["restrictedIdentity"] = client("sts", os.environ["RESTRICTED_ACCESS_KEY_ID"],
                                       os.environ["RESTRICTED_SECRET_ACCESS_KEY"]).get_caller_identity()["Arn"]

    out["createExisting"] = error_of(lambda: admin.create_secret(Name="py/db", SecretString="x"))
    deleted = admin.delete_secret(SecretId="py/blob", ForceDeleteWithoutRecovery=True)
    out["forceDelete"] = {"Name": deleted["Name"], "hasDeletionDate": "DeletionDate" in deleted}
    out["getDeleted"] = error_of(lambda: admin.get_secret_value(SecretId="py/blob"))

    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
