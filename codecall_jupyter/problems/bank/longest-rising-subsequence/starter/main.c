#include <stdio.h>
#include <stdlib.h>

/* The length of the longest strictly increasing subsequence of a. */
int longest_rise(const long long *a, int n) {
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (size_t)n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    printf("%d\n", longest_rise(a, n));
    free(a);
    return 0;
}
