"""A cache table rebuilt from the source of truth every night."""

import pulumi_aws as aws

# iacfix: ignore[dynamodb-pitr] -- rebuilt nightly from the answers table
leaderboard_cache = aws.dynamodb.Table(
    "leaderboard-cache",
    billing_mode="PAY_PER_REQUEST",
    hash_key="examId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="examId", type="S")],
)

locks = aws.dynamodb.Table("locks", billing_mode="PAY_PER_REQUEST", hash_key="id", attributes=[{"name": "id", "type": "S"}])  # iacfix: ignore[IAC012]
