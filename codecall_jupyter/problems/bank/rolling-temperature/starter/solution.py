import sys

import pandas as pd


def solve(df: pd.DataFrame) -> pd.DataFrame:
    # For every reading: city, date and rolling_mean, the mean temperature of this reading
    # and the two previous readings of the same city in date order (2 decimals).
    return pd.DataFrame(columns=["city", "date", "rolling_mean"])


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
