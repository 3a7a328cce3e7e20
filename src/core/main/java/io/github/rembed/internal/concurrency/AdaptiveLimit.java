package io.github.rembed.internal.concurrency;

/**
 * A limit that finds a server's capacity by itself, the way TCP finds a path's: it grows while
 * replies come back at the usual latency, and backs off on loss (429, 503, timeouts) and on
 * latency well above the usual. Loss is the main signal, as in TCP Reno and Netflix's AIMD
 * limit; latency is read much as in TCP Vegas and BBR, so that a server that queues requests
 * instead of refusing them is not loaded ever deeper.
 *
 * <ul>
 * <li><b>Slow start.</b> From the initial limit, every reply that found the limit full adds
 *     one, so the limit doubles each round trip until the first sign of congestion.</li>
 * <li><b>Drops.</b> The limit falls to 0.9 × the requests in flight (at least one less than
 *     before), once per overload: a drop of a request sent before the last cut is not counted
 *     again. The level that dropped is remembered as a ceiling.</li>
 * <li><b>Rounds.</b> Every {@code limit} replies (at least {@value #MIN_ROUND}) close a round,
 *     whose mean latency is smoothed across rounds and compared with the baseline, the
 *     latency of a lightly loaded server. Above 1.5 × the baseline, with at least two requests'
 *     worth of waiting, the limit is cut as for a drop; above 1.25 × it holds; otherwise, if
 *     the round used the whole limit, it grows by one. Just below the ceiling it first waits
 *     {@value #PATIENCE} clean rounds, so a server that answers 429 beyond K is tried beyond
 *     K only now and then.</li>
 * <li><b>Baseline.</b> The first round's mean latency, then measured again after
 *     {@value #FIRST_PROBE} rounds and at doubling intervals up to every {@value #PROBE_EVERY}
 *     rounds: the limit is halved while {@code max(}{@value #MIN_PROBE}{@code , limit / 2)}
 *     requests are sent, and their mean latency, once all have replied (the first replies
 *     alone would be the short ones), updates the baseline; a probe over 1.25 × the baseline
 *     replaces it, as the server's new normal. So a baseline first measured under load, or on a
 *     server that has since become slower for good, is put right, as BBR's ProbeRTT does. It
 *     costs about one round trip at half the limit per probe.</li>
 * </ul>
 *
 * On a server that serves K at once and refuses the rest, the limit settles at 0.96–1.0 K,
 * with about one refused request per {@value #PATIENCE} rounds; on one that queues the rest,
 * at 1.3–1.5 K (2–4 for K = 1, up to 1.7 K when latencies jitter widely), which keeps it
 * busy with a short queue. Jitter in latency is averaged over rounds and probes, so it does
 * not read as queueing. (Measured in simulated time by {@code AdaptiveLimitTest}.)
 */
final class AdaptiveLimit implements LimitAlgorithm {
    static final int DEFAULT_INITIAL = 4;
    static final int DEFAULT_MAX = 256;
    private static final double BACKOFF = 0.9;
    private static final int MIN_ROUND = 8;
    private static final int MIN_PROBE = 16;
    private static final int PATIENCE = 8;
    private static final int FIRST_PROBE = 16;
    private static final int PROBE_EVERY = 100;
    /** Latency may rise this much over the baseline (as a share of it) before the limit is cut. */
    private static final double TOLERANCE = 0.5;
    /** Weight of a new round's mean latency in the smoothed latency. */
    private static final double SMOOTHING = 0.5;
    /** Replies the baseline counts as at most, so that it can still move. */
    private static final int BASELINE_WEIGHT = 64;

    private final int min;
    private final int max;
    private double limit;
    private boolean slowStart = true;
    private long epoch;
    /** The limit at the last drop; 0 when there is none to be careful about. */
    private int ceiling;
    private int cleanRoundsBelowCeiling;

    /** Replies that close the current round: the limit when it started. */
    private int roundTarget;
    private int roundReplies;
    private long roundLatencySum;
    private int roundPeak;
    private double smoothed;
    private double baseline;
    private int baselineWeight;

    private int probes;
    private int roundsSinceProbe;
    /** Permits still to be sent at the halved limit; 0 when no probe is sending. */
    private int probeToSend;
    /** The epoch of the probe's permits; -1 when no probe is measuring. */
    private long probeEpoch = -1;
    private int probeSent;
    private int probeReplies;
    private long probeLatencySum;

    AdaptiveLimit() {
        this(DEFAULT_INITIAL, 1, DEFAULT_MAX);
    }

    AdaptiveLimit(int initial, int min, int max) {
        if (min < 1 || max < min || initial < min || initial > max) {
            throw new IllegalArgumentException("adaptive limit needs 1 <= min <= initial <= max, got min " + min
                    + ", initial " + initial + ", max " + max);
        }
        this.min = min;
        this.max = max;
        this.limit = initial;
        startRound();
    }

    @Override
    public int limit() {
        return probeToSend > 0 ? Math.max(min, (int) limit / 2) : (int) limit;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public long onTake() {
        long taken = epoch;
        if (probeToSend > 0) {
            probeSent++;
            if (--probeToSend == 0) {
                epoch++; // the probe has sent enough: full limit again, and new rounds count from here
                startRound();
            }
        }
        return taken;
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    boolean slowStart() {
        return slowStart;
    }

    @Override
    public void onSuccess(long latencyNanos, int inFlight, long permitEpoch) {
        if (slowStart && inFlight >= limit()) {
            limit = Math.min(max, limit + 1);
        }
        if (permitEpoch == probeEpoch) {
            probeReplies++;
            probeLatencySum += Math.max(1, latencyNanos);
            if (probeToSend == 0 && probeReplies == probeSent) {
                probeEpoch = -1;
                learnFromProbe((double) probeLatencySum / probeReplies, probeReplies);
            }
            return;
        }
        if (permitEpoch != epoch) {
            return; // sent before the last cut, under another limit: not this round's
        }
        roundReplies++;
        roundLatencySum += Math.max(1, latencyNanos);
        roundPeak = Math.max(roundPeak, inFlight);
        if (roundReplies >= roundTarget) {
            closeRound();
        }
    }

    @Override
    public void onDrop(int inFlight, long permitEpoch) {
        if (permitEpoch != epoch) {
            return;
        }
        probeToSend = 0;
        probeEpoch = -1;
        int level = Math.min((int) limit, Math.max(1, inFlight));
        ceiling = level;
        slowStart = false;
        cut(Math.min(limit - 1, BACKOFF * level));
    }

    private void closeRound() {
        double mean = (double) roundLatencySum / roundReplies;
        int replies = roundReplies;
        boolean limitReached = roundPeak >= limit();
        startRound();
        smoothed = smoothed == 0 ? mean : smoothed + SMOOTHING * (mean - smoothed);
        if (baseline == 0) {
            learnBaseline(mean, replies);
        }
        double ratio = smoothed / baseline;
        double waiting = limit * (1 - 1 / ratio);
        if (ratio > 1 + TOLERANCE && waiting > 2) {
            slowStart = false;
            cut(Math.min(limit - 1, BACKOFF * limit));
        } else if (ratio > 1 + TOLERANCE / 2) {
            slowStart = false;
        } else if (limitReached && !slowStart) {
            grow();
        }
        if (!slowStart && ++roundsSinceProbe >= Math.min(PROBE_EVERY, FIRST_PROBE << Math.min(probes, 8))) {
            startProbe();
        }
    }

    private void startProbe() {
        roundsSinceProbe = 0;
        probes++;
        epoch++;
        probeEpoch = epoch;
        probeToSend = Math.max(MIN_PROBE, (int) limit / 2);
        probeSent = 0;
        probeReplies = 0;
        probeLatencySum = 0;
    }

    private void learnFromProbe(double mean, int replies) {
        if (mean > baseline * (1 + TOLERANCE / 2)) {
            baseline = mean; // clearly slower even at half the load: the server's new normal
            baselineWeight = replies;
        } else {
            learnBaseline(mean, replies);
        }
    }

    /** Folds a mean into the baseline, weighted by its replies; the baseline counts as at most {@value #BASELINE_WEIGHT}. */
    private void learnBaseline(double mean, int replies) {
        baseline = (baseline * baselineWeight + mean * replies) / (baselineWeight + replies);
        baselineWeight = Math.min(BASELINE_WEIGHT, baselineWeight + replies);
    }

    private void grow() {
        if (ceiling > 0 && limit() >= ceiling) {
            ceiling = 0; // a whole round at the old ceiling without a drop: the server takes more now
        } else if (ceiling > 0 && limit() + 1 >= ceiling && ++cleanRoundsBelowCeiling < PATIENCE) {
            return;
        }
        cleanRoundsBelowCeiling = 0;
        limit = Math.min(max, limit + 1);
    }

    private void cut(double to) {
        limit = Math.max(min, to);
        smoothed = 0; // the rounds before the cut measured another limit
        epoch++;
        cleanRoundsBelowCeiling = 0;
        startRound();
    }

    private void startRound() {
        roundTarget = Math.max(MIN_ROUND, limit());
        roundReplies = 0;
        roundLatencySum = 0;
        roundPeak = 0;
    }

    @Override
    public String toString() {
        return "adaptive " + limit() + (slowStart ? " (slow start)" : probeToSend > 0 ? " (measuring latency)" : "");
    }
}
