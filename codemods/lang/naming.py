"""Spelling the neutral property names the CloudFormation way, and back.

Neutral names are CloudFormation property names in snake_case as AWS CDK (jsii) spells
them: ``MultiAZEnabled`` → ``multi_az_enabled``, ``DBClusterIdentifier`` →
``db_cluster_identifier``, ``KmsMasterKeyId`` → ``kms_master_key_id``. Going back needs
to know which words CloudFormation writes in capitals; ``ACRONYMS`` lists them, and an
adapter's own table overrides a name that still comes out wrong.
"""

from __future__ import annotations

import re

# Words CloudFormation property names write all in capitals (most write acronyms as
# words: VpcId, CidrIp, KmsKeyId, SslSupportMethod).
ACRONYMS = {"db": "DB", "az": "AZ"}


def pascal(snake: str) -> str:
    """``enable_key_rotation`` → ``EnableKeyRotation``; ``multi_az_enabled`` → ``MultiAZEnabled``."""
    return "".join(ACRONYMS.get(w, w[:1].upper() + w[1:]) for w in snake.split("_"))


_BOUNDARY = re.compile(r"([A-Z]+)([A-Z][a-z])|([a-z0-9])([A-Z])")


def snake(name: str) -> str:
    """``MultiAZEnabled`` → ``multi_az_enabled``; ``DBClusterIdentifier`` → ``db_cluster_identifier``."""
    s = _BOUNDARY.sub(lambda m: f"{m.group(1)}_{m.group(2)}" if m.group(1) else f"{m.group(3)}_{m.group(4)}", name)
    return s.lower()
