import sys

import pandas as pd


def solve(df: pd.DataFrame) -> pd.DataFrame:
    # One total per (country, customer), rounded to cents before ranking so that float
    # sums that are equal in cents tie.
    totals = df.groupby(["country", "customer"], as_index=False)["amount"].sum()
    totals = totals.rename(columns={"amount": "total"})
    totals["total"] = totals["total"].round(2)
    # Best first within each country, ties by name; then keep each country's first two.
    ranked = totals.sort_values(
        ["country", "total", "customer"], ascending=[True, False, True], kind="mergesort"
    )
    return ranked.groupby("country").head(2).reset_index(drop=True)


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
