package org.newsflow.enrich.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The output layer's transposed loop gives the dot product's scores bit for bit (so the parses cannot change). */
class FastNndepTest {

    /** The dot product per transition with eight independent accumulators (the scorer's previous loop). */
    private static float dot(float[] w, float[] h) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < h.length; k += 8) {
            s0 += w[k] * h[k];
            s1 += w[k + 1] * h[k + 1];
            s2 += w[k + 2] * h[k + 2];
            s3 += w[k + 3] * h[k + 3];
            s4 += w[k + 4] * h[k + 4];
            s5 += w[k + 5] * h[k + 5];
            s6 += w[k + 6] * h[k + 6];
            s7 += w[k + 7] * h[k + 7];
        }
        for (; k < h.length; k++) {
            s0 += w[k] * h[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Test
    void transposedOutputLayerEqualsTheDotProductBitForBit() {
        Random r = new Random(13);
        for (int hidden : new int[] {200, 203, 7}) {
            int nt = 91;
            float[][] w2 = new float[nt][hidden];
            float[][] w2t = new float[hidden][nt];
            for (int j = 0; j < nt; j++) {
                for (int k = 0; k < hidden; k++) {
                    w2[j][k] = (float) r.nextGaussian();
                    w2t[k][j] = w2[j][k];
                }
            }
            float[][] acc = new float[8][nt];
            float[] scores = new float[nt];
            for (int trial = 0; trial < 50; trial++) {
                float[] h = new float[hidden];
                for (int k = 0; k < hidden; k++) {
                    h[k] = (float) Math.pow(r.nextGaussian(), 3);
                }
                FastNndep.outputLayer(w2t, h, scores, acc);
                for (int j = 0; j < nt; j++) {
                    assertThat(Float.floatToRawIntBits(scores[j])).as("hidden %d, transition %d", hidden, j)
                            .isEqualTo(Float.floatToRawIntBits(dot(w2[j], h)));
                }
            }
        }
    }
}
