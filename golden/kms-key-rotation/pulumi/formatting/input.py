import pulumi
import pulumi_aws as aws

env = pulumi.get_stack()

if True:
        # Eight-space block: the key for exported statements.
        statements_key = aws.kms.Key('StatementsKey', description='Monthly statements',  # PDF exports
                                     deletion_window_in_days=7)   # short window in dev

        archive_key = aws.kms.Key('ArchiveKey', customer_master_key_spec='SYMMETRIC_DEFAULT', opts=pulumi.ResourceOptions(protect=True))
        pulumi.export('statements_key', statements_key.id)
