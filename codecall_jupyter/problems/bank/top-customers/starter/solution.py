import sys

import pandas as pd


def solve(df: pd.DataFrame) -> pd.DataFrame:
    # For every country, its two customers with the largest total amount (ties: the name
    # first in alphabetical order), with columns country, customer, total (2 decimals).
    return pd.DataFrame(columns=["country", "customer", "total"])


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
