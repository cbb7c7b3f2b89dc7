#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int unused; /* Replace with the fields you need. */
} VersionedStore;

/* An empty store that will see at most `max_ops` operations. */
VersionedStore *store_create(int max_ops) {
    VersionedStore *store = malloc(sizeof *store);
    return store;
}

/* Record that key took value at time timestamp (a key's timestamps only grow). */
void store_set(VersionedStore *store, const char *key, long long value, long long timestamp) {
}

/* The value of key's version with the largest timestamp <= t, or -1 if there is none. */
long long store_get(VersionedStore *store, const char *key, long long t) {
    return -1;
}

void store_free(VersionedStore *store) {
    free(store);
}

int main(void) {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    VersionedStore *store = store_create(q);
    long long total = 0;
    char op[8], key[16];
    for (int i = 0; i < q; i++) {
        if (scanf("%7s %15s", op, key) != 2) break;
        if (strcmp(op, "set") == 0) {
            long long value, timestamp;
            if (scanf("%lld %lld", &value, &timestamp) != 2) break;
            store_set(store, key, value, timestamp);
        } else {
            long long t;
            if (scanf("%lld", &t) != 1) break;
            total += store_get(store, key, t);
        }
    }
    printf("%lld\n", total);
    store_free(store);
    return 0;
}
