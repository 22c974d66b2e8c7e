"""Assessment results store as a component resource."""

from typing import Optional

import pulumi
import pulumi_aws as aws


class ResultsStore(pulumi.ComponentResource):
    def __init__(self, name: str, environment_suffix: str, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("assessments:ResultsStore", name, None, opts)
        self.environment_suffix = environment_suffix
        child = pulumi.ResourceOptions(parent=self)

        self.table = aws.dynamodb.Table(
            f"{name}-results",
            billing_mode="PAY_PER_REQUEST",
            hash_key="resultId",
            attributes=[aws.dynamodb.TableAttributeArgs(name="resultId", type="S")],
            tags={"Environment": self.environment_suffix, "ManagedBy": "pulumi"},
            opts=child,
        )

        self.topic = aws.sns.Topic(
            f"{name}-results-ready",
            tags={"Environment": self.environment_suffix, "ManagedBy": "pulumi"},
            opts=child,
        )

        self.register_outputs({"table_name": self.table.name})


store = ResultsStore("grades", environment_suffix=pulumi.get_stack())
