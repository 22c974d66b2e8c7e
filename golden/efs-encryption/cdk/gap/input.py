from aws_cdk import (
    Stack,
    aws_efs as efs,
)
from constructs import Construct


class ModelsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, subnet_ids: list, security_group_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        models_fs = efs.CfnFileSystem(
            self,
            "ModelsFileSystem",
            performance_mode="generalPurpose",
            throughput_mode="elastic",
            backup_policy=efs.CfnFileSystem.BackupPolicyProperty(status="ENABLED"),
        )
        for i, subnet_id in enumerate(subnet_ids):
            efs.CfnMountTarget(
                self,
                f"ModelsMountTarget{i}",
                file_system_id=models_fs.ref,
                subnet_id=subnet_id,
                security_groups=[security_group_id],
            )
