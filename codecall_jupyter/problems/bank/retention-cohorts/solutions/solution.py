import sys

import pandas as pd

MONTHS = [1, 2, 3]


def solve(df: pd.DataFrame) -> pd.DataFrame:
    dates = pd.to_datetime(df["date"], format="%Y-%m-%d")
    # A month number that subtracts correctly across years.
    df = df.assign(month=dates.dt.year * 12 + dates.dt.month - 1)
    signups = df.loc[df["event"] == "signup"].set_index("user_id")["month"]
    sizes = signups.value_counts().sort_index()

    active = df.loc[df["event"] == "active", ["user_id", "month"]]
    cohort = active["user_id"].map(signups)
    active = pd.DataFrame({"user_id": active["user_id"], "cohort": cohort,
                           "offset": active["month"] - cohort})  # fmt: skip
    active = active[active["offset"].isin(MONTHS)].drop_duplicates()

    counts = active.groupby(["cohort", "offset"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=sizes.index, columns=MONTHS, fill_value=0)
    shares = counts.div(sizes, axis=0).round(3)

    return pd.DataFrame(
        {
            "cohort": [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in shares.index],
            **{f"month_{k}": shares[k].to_numpy() for k in MONTHS},
        }
    )


def main() -> None:
    df = pd.read_csv(sys.stdin)
    result = solve(df)
    print(result.to_csv(index=False), end="")


main()
