package io.fixpoint.model;

import io.fixpoint.problem.CounterRandom;
import io.fixpoint.train.ShuffledBatches;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * A text as a sequence of character tokens over its own alphabet (the distinct characters, sorted), cut
 * into windows of T+1 characters for next-character prediction: window i starts at i·T, so windows
 * overlap by one character and every character but the first is a target exactly once.
 */
public final class Corpus {
    private final String name;
    private final String text;
    private final char[] alphabet;
    private final int[] tokens;

    private Corpus(String name, String text, char[] alphabet, int[] tokens) {
        this.name = name;
        this.text = text;
        this.alphabet = alphabet;
        this.tokens = tokens;
    }

    public static Corpus of(String name, String text) {
        if (text.length() < 2) {
            throw new IllegalArgumentException(name + " has " + text.length() + " characters; a language model needs at least 2");
        }
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            set.add(text.charAt(i));
        }
        char[] alphabet = new char[set.size()];
        int k = 0;
        for (char c : set) {
            alphabet[k++] = c;
        }
        int[] tokens = new int[text.length()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = Arrays.binarySearch(alphabet, text.charAt(i));
        }
        return new Corpus(name, text, alphabet, tokens);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** V, the number of distinct characters. */
    public int vocabulary() {
        return alphabet.length;
    }

    public int length() {
        return tokens.length;
    }

    int token(int i) {
        return tokens[i];
    }

    /** Windows of T+1 characters: training and held-out start positions. */
    public record Windows(Corpus corpus, int length, int[] train, int[] heldOut) {
    }

    /** Cuts the text into windows of {@code length}+1 characters and holds out ⌈fraction·count⌉ of them, chosen by a seeded permutation. */
    public Windows windows(int length, double fraction, long seed) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be ≥ 1, got " + length);
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must lie in (0, 1), got " + fraction);
        }
        int count = (tokens.length - 1) / length;
        int held = (int) Math.ceil(fraction * count);
        if (count < 2 || held >= count) {
            throw new IllegalArgumentException(name + " has " + tokens.length + " characters: too few for windows of " + (length + 1) + " and a held-out part");
        }
        int[] perm = new int[count];
        ShuffledBatches.permutation(CounterRandom.derive(seed, 0x5EED), 0, perm);
        int[] heldOut = Arrays.copyOfRange(perm, 0, held);
        int[] train = Arrays.copyOfRange(perm, held, count);
        Arrays.sort(heldOut);
        Arrays.sort(train);
        for (int i = 0; i < heldOut.length; i++) {
            heldOut[i] *= length;
        }
        for (int i = 0; i < train.length; i++) {
            train[i] *= length;
        }
        return new Windows(this, length, train, heldOut);
    }
}
