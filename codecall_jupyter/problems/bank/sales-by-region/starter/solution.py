import sys

import pandas as pd


def solve(df: pd.DataFrame) -> pd.DataFrame:
    # One row per region: region, total (sum of amount) and average (mean amount),
    # both rounded to 2 decimals.
    return pd.DataFrame(columns=["region", "total", "average"])


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
