package io.spikeforge.core.run;

/**
 * How the processes of a split network agree to stop together: a process that finds a fault, or is asked
 * to stop, would otherwise leave the others waiting at the next spike exchange for ever. Every process
 * calls it at the same steps (the NaN check's), and all stop when any one says so.
 */
@FunctionalInterface
public interface StopAgreement {

    /**
     * @param mine whether this process would stop after this step
     * @return whether any process would: then every one stops here
     */
    boolean anyStops(boolean mine);
}
