"""IAC020 ecs-container-insights: ECS clusters have Container Insights."""

from codemods.base import Codemod, language_detectors

CODEMOD = Codemod(
    id='IAC020',
    slug='ecs-container-insights',
    title='ECS clusters have Container Insights',
    rationale=(
        'Without Container Insights an ECS cluster reports only cluster-level CPU and memory: no '
        'per-service or per-task metrics, no view of restarts or of which task is starved. iacfix '
        'enables it on every cluster.'
    ),
    params=(
    ),
    checkov=('CKV_AWS_65',),
    unsafe_note='Container Insights explicitly disabled is reported; enabling it is unsafe',
    detectors=language_detectors(__name__),
)
