#include <stdio.h>
#include <stdlib.h>

#define MOD 1000000007LL

/* Writes the lexicographically smallest valid order of courses 1..n into order[0..n-1]
   and returns 1, or returns 0 if there is none. Rule i: course a[i] before course b[i]. */
int course_order(int n, int m, const int *a, const int *b, int *order) {
    return 0;
}

int main(void) {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    int *a = malloc(sizeof *a * ((size_t)m + 1));
    int *b = malloc(sizeof *b * ((size_t)m + 1));
    for (int i = 0; i < m; i++) scanf("%d %d", &a[i], &b[i]);
    int *order = calloc((size_t)n, sizeof *order);
    if (!course_order(n, m, a, b, order)) {
        printf("-1\n");
    } else {
        long long checksum = 0;
        for (int i = 0; i < n; i++) checksum = (checksum + (long long)(i + 1) * order[i]) % MOD;
        printf("%lld\n", checksum);
    }
    free(a);
    free(b);
    free(order);
    return 0;
}
