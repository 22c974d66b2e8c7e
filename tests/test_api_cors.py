"""api-cors: which modules serve browsers (the whole module counts: a front end in another
file of a Terraform directory), and what is reported without a fix."""

from __future__ import annotations

from click.testing import CliRunner

from iacfix.cli import main
from iacfix.codemods.api_cors.frontend import FRONT_END

API = '''resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"
}
'''
SITE = '''resource "aws_cloudfront_distribution" "site" {
  enabled = true
}
'''


def _run(tmp_path, monkeypatch, files, config="", command="fix"):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / ".iacfix.toml").write_text('select = ["api-cors"]\n' + config)
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, [command, "-j", "1", "."])


def test_a_front_end_in_another_file_of_the_module_counts(tmp_path, monkeypatch):
    _run(tmp_path, monkeypatch, {"api.tf": API, "site.tf": SITE},
         '[api-cors]\nallow-origins = ["https://orders.example.com"]\n')
    text = (tmp_path / "api.tf").read_text()
    assert 'allow_origins = ["https://orders.example.com"]' in text


def test_no_front_end_no_finding(tmp_path, monkeypatch):
    r = _run(tmp_path, monkeypatch, {"api.tf": API, "site.tf": "# aws_cloudfront_distribution, some day\n"},
             command="check")
    assert "CORS" not in r.output


def test_unconfigured_origins_are_asked_for(tmp_path, monkeypatch):
    r = _run(tmp_path, monkeypatch, {"api.tf": API, "site.tf": SITE}, command="check")
    assert "HTTP API 'orders' has no CORS configuration" in r.output
    assert 'set [tool.iacfix.api-cors] allow-origins = ["https://app.example.com"] to fix' in r.output


def test_sam_api_takes_one_origin(tmp_path, monkeypatch):
    template = ('Transform: AWS::Serverless-2016-10-31\nResources:\n'
                '  Site:\n    Type: AWS::CloudFront::Distribution\n'
                '  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n')
    r = _run(tmp_path, monkeypatch, {"template.yaml": template},
             '[api-cors]\nallow-origins = ["https://a.example.com", "https://b.example.com"]\n', command="check")
    assert "SAM's Cors takes one origin" in r.output


def test_front_ends_of_every_language():
    for text in ("Type: AWS::CloudFront::Distribution", "      WebsiteConfiguration:",
                 'resource "aws_s3_bucket_website_configuration" "site" {', "  website {",
                 's3.Bucket(self, "Site", website_index_document="index.html")',
                 's3deploy.BucketDeployment(self, "Deploy")', "awss3deployment.NewBucketDeployment(stack)",
                 'awscloudfront.NewDistribution(stack, jsii.String("Site"), props)',
                 'aws.cloudfront.Distribution("site")', 'aws.s3.BucketWebsiteConfigurationV2("site")',
                 'aws.amplify.App("site")'):
        assert FRONT_END.search(text), text
    for text in ('aws.s3.BucketV2("data")', 'resource "aws_s3_bucket" "data" {', "Type: AWS::S3::Bucket"):
        assert not FRONT_END.search(text), text
