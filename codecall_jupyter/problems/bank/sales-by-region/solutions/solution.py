import sys

import pandas as pd


def solve(df: pd.DataFrame) -> pd.DataFrame:
    # One group per region; sum and mean in a single aggregation.
    report = df.groupby("region", as_index=False)["amount"].agg(total="sum", average="mean")
    report["total"] = report["total"].round(2)
    report["average"] = report["average"].round(2)
    return report


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
