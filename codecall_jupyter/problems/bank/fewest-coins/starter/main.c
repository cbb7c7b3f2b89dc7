#include <stdio.h>
#include <stdlib.h>

/* The fewest coins (each value usable any number of times) summing to amount, or -1. */
int fewest_coins(const int *coins, int k, int amount) {
    return 0;
}

int main(void) {
    int k, amount;
    if (scanf("%d %d", &k, &amount) != 2) return 0;
    int *coins = malloc(sizeof *coins * (size_t)k);
    for (int i = 0; i < k; i++) scanf("%d", &coins[i]);
    printf("%d\n", fewest_coins(coins, k, amount));
    free(coins);
    return 0;
}
