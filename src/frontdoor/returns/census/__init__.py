"""The DfE Children in Need census: who is in it, the XML, and the rules a return must pass.

../shared/reference/cin_census.md is the specification this package follows: section 1.2 for the element
order, section 2 for the code lists, section 5 for the rules.
"""
