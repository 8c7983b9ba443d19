"""The DfE census rules our records can break, checked child by child before anyone submits.

Each rule has the DfE code and message (../shared/reference/cin_census.md section 5.3) and yields, for one
child, the referral to fix (None for the child's own details) and what is wrong. The logic follows the DfE
rule as section 5.1 paraphrases it. Importing this package registers every rule in RULES.
"""

from frontdoor.returns.census.rules import assessments, child, episodes, plans
from frontdoor.returns.census.rules.registry import RULES, Context, Rule, Severity

__all__ = ["RULES", "Context", "Rule", "Severity", "assessments", "child", "episodes", "plans"]
