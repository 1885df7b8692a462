"""local/template.py reads SAM templates with CloudFormation's short tags into routes and table keys."""

from __future__ import annotations

from pathlib import Path

from local.template import api_routes, load_template, table_definition

TEMPLATE = """
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    CodeUri: functions/
    Runtime: python3.13
Resources:
  ApiFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: api.app.lambda_handler
      Environment:
        Variables:
          TABLE_NAME: !Ref Table
          QUEUE_ARN: !GetAtt [Queue, Arn]
          NAME: !Sub "${AWS::StackName}-x"
      Events:
        Create: {Type: Api, Properties: {Path: /v1/extractions, Method: post}}
        Read: {Type: Api, Properties: {Path: "/v1/extractions/{id}", Method: get}}
        Proxy: {Type: Api, Properties: {Path: "/files/{path+}", Method: any}}
  BatchFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: batch.app.lambda_handler
      Events:
        Queue: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - {AttributeName: pk, AttributeType: S}
        - {AttributeName: sk, AttributeType: S}
      KeySchema:
        - {AttributeName: pk, KeyType: HASH}
        - {AttributeName: sk, KeyType: RANGE}
      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
  Queue:
    Type: AWS::SQS::Queue
"""


def test_routes_come_from_api_events_with_their_handler(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE)
    routes = api_routes(load_template(path))
    assert [(route.method, route.path, route.handler, route.code_uri) for route in routes] == [
        ("POST", "/v1/extractions", "api.app.lambda_handler", "functions/"),
        ("GET", "/v1/extractions/{id}", "api.app.lambda_handler", "functions/"),
        ("ANY", "/files/{path+}", "api.app.lambda_handler", "functions/"),
    ]
    read, proxy = routes[1], routes[2]
    assert read.match("GET", "/v1/extractions/abc-1") == {"id": "abc-1"}
    assert read.match("DELETE", "/v1/extractions/abc-1") is None
    assert read.match("GET", "/v1/extractions/a/b") is None
    assert proxy.match("PUT", "/files/a/b.txt") == {"path": "a/b.txt"}


def test_table_keys_are_read_without_the_deployment_only_settings(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE)
    definition = table_definition(load_template(path))
    assert definition == {
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "BillingMode": "PAY_PER_REQUEST",
    }


def test_a_missing_template_reads_as_none(tmp_path: Path) -> None:
    assert load_template(tmp_path / "absent.yaml") is None
