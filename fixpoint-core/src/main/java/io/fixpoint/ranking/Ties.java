package io.fixpoint.ranking;

/** How tied comparisons enter the likelihood. */
public enum Ties {
    /** A tie is half a win for each side (R's BradleyTerry2 with an outcome of ½). */
    HALF,
    /** Davidson (1970): P(tie) = ν√(πᵢπⱼ)/(πᵢ + πⱼ + ν√(πᵢπⱼ)), with ν estimated. */
    DAVIDSON
}
