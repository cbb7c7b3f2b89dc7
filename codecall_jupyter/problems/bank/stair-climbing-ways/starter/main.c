#include <stdio.h>

/* The number of ways to climb n steps with moves of 1, 2 or 3, modulo 1000000007. */
long long count_ways(int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    printf("%lld\n", count_ways(n));
    return 0;
}
