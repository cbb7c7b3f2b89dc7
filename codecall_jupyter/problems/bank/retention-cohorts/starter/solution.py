import sys

import pandas as pd


def solve(df: pd.DataFrame) -> pd.DataFrame:
    # One row per signup month (cohort, as YYYY-MM): the share of the cohort's users
    # active in each of the next three calendar months (month_1..month_3, 3 decimals).
    return pd.DataFrame(columns=["cohort", "month_1", "month_2", "month_3"])


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
