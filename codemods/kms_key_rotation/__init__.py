"""IAC005 kms-key-rotation: Customer-managed KMS keys rotate their key material."""

from codemods.base import Codemod, language_detectors

CODEMOD = Codemod(
    id='IAC005',
    slug='kms-key-rotation',
    title='Customer-managed KMS keys rotate their key material',
    rationale=(
        'A key whose material never changes gives an attacker who once obtained it (from a backup, '
        'a leaked export, a compromised HSM operator) access to everything ever encrypted under it '
        'and everything that will be. With rotation enabled, KMS creates new key material every '
        'year (or at the configured period) and keeps the old material to decrypt old data, at no '
        'change to the key id, alias or policies: there is nothing to migrate. iacfix enables '
        'automatic rotation on symmetric customer-managed keys; asymmetric and HMAC keys cannot '
        'rotate and are left alone.'
    ),
    params=(
    ),
    checkov=('CKV_AWS_7',),
    unsafe_note='rotation explicitly disabled is reported; enabling it is unsafe',
    detectors=language_detectors(__name__),
)
