#include <stdio.h>
#include <stdlib.h>

/* Sum over the queries (qu[i], qv[i]) of the lowest common ancestor; parent[v] is v's parent. */
long long lca_sum(int n, const int *parent, int q, const int *qu, const int *qv) {
    return 0;
}

int main(void) {
    int n, q;
    if (scanf("%d", &n) != 1) return 0;
    int *parent = calloc((size_t)n + 1, sizeof *parent); /* parent[0], parent[1] unused */
    for (int v = 2; v <= n; v++) scanf("%d", &parent[v]);
    if (scanf("%d", &q) != 1) return 0;
    int *qu = malloc(sizeof *qu * (size_t)q);
    int *qv = malloc(sizeof *qv * (size_t)q);
    for (int i = 0; i < q; i++) scanf("%d %d", &qu[i], &qv[i]);
    printf("%lld\n", lca_sum(n, parent, q, qu, qv));
    free(parent);
    free(qu);
    free(qv);
    return 0;
}
