package org.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {
    @Test
    void keepsTheMostRecentUpToItsCapacity() {
        RecentIds ids = new RecentIds(3);
        for (int i = 1; i <= 5; i++) {
            ids.add("id-" + i);
        }
        assertThat(ids.list()).containsExactly("id-3", "id-4", "id-5");
    }

    @Test
    void aLongRunningRunIsBoundedAOneShotRunIsNot() {
        RecentIds following = new RecentIds(IngestService.RECENT_IDS);
        RecentIds oneShot = new RecentIds(Integer.MAX_VALUE);
        for (int i = 0; i < IngestService.RECENT_IDS + 500; i++) {
            following.add("a" + i);
            oneShot.add("a" + i);
        }
        assertThat(following.list()).hasSize(IngestService.RECENT_IDS).endsWith("a" + (IngestService.RECENT_IDS + 499));
        assertThat(oneShot.list()).hasSize(IngestService.RECENT_IDS + 500);
    }
}
