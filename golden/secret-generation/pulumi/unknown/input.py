"""Lengths and character sets from configuration: nothing to judge."""

import pulumi
import pulumi_aws as aws
import pulumi_random as random

config = pulumi.Config()
settings = {"length": 24}
length = config.get_int("passwordLength") or 32
specials = config.get("specials") or "!#"

db_password = random.RandomPassword("db-password", length=length, override_special=specials)
cache_password = random.RandomPassword("cache-password", **settings)
token = aws.secretsmanager.get_random_password(
    password_length=length,
    exclude_characters=config.get("exclude") or "@/",
)
