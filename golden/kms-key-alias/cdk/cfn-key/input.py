from aws_cdk import Stack
import aws_cdk.aws_kms as kms
from constructs import Construct


class SharedKeysStack(Stack):
  def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
    super().__init__(scope, construct_id, **kwargs)

    # Resources
    reportsKey = kms.CfnKey(self, 'ReportsKey',
          description = 'Encrypts exported reports',
          enable_key_rotation = True,
          key_policy = {
            'Version': '2012-10-17',
            'Statement': [
              {
                'Sid': 'AccountAdmin',
                'Effect': 'Allow',
                'Principal': {'AWS': f'arn:aws:iam::{self.account}:root'},
                'Action': 'kms:*',
                'Resource': '*',
              },
            ],
          },
        )

    archiveKey = kms.CfnKey(self, 'ArchiveKey',
          enable_key_rotation = True,
        )
    archiveKeyAlias = kms.CfnAlias(self, 'ArchiveKeyAlias',
          alias_name = 'alias/archive',
          target_key_id = archiveKey.ref,
        )
